package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LoginController.class)
@DashboardWebMvcTest
class LoginControllerTest {

  @Autowired MockMvc mvc;

  @Test
  void listsTheDemoUsersOnTheSignInPage() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<code>viewer</code>")))
        .andExpect(content().string(containsString("<code>operator</code>")))
        .andExpect(content().string(containsString("<code>admin</code>")))
        .andExpect(content().string(containsString("<code>staging-operator</code>")))
        .andExpect(
            content()
                .string(containsString("Reads every cluster; stops tasks in staging-batch only.")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
  }

  @Test
  void signsInADemoUserWithItsName() throws Exception {
    mvc.perform(formLogin().user("viewer").password("viewer"))
        .andExpect(authenticated().withUsername("viewer").withRoles("VIEWER"))
        .andExpect(redirectedUrl("/clusters"));
  }

  @Test
  void signsInTheStagingOperatorWithItsScopedRole() throws Exception {
    mvc.perform(formLogin().user("staging-operator").password("staging-operator"))
        .andExpect(
            authenticated()
                .withUsername("staging-operator")
                .withAuthentication(
                    auth ->
                        assertThat(auth.getAuthorities())
                            .extracting(GrantedAuthority::getAuthority)
                            .contains("OPERATOR@staging-batch", "ROLE_VIEWER")
                            .doesNotContain("ROLE_OPERATOR")));
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    mvc.perform(formLogin().user("viewer").password("admin"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }
}
