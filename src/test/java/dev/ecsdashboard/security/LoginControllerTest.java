package dev.ecsdashboard.security;

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
        .andExpect(content().string(containsString("name=\"_csrf\"")));
  }

  @Test
  void signsInADemoUserWithItsName() throws Exception {
    mvc.perform(formLogin().user("viewer").password("viewer"))
        .andExpect(authenticated().withUsername("viewer").withRoles("VIEWER"))
        .andExpect(redirectedUrl("/clusters"));
  }

  @Test
  void refusesAWrongPassword() throws Exception {
    mvc.perform(formLogin().user("viewer").password("admin"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }
}
