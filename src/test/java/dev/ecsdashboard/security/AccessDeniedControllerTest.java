package dev.ecsdashboard.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.test.web.servlet.MockMvc;

/** The 403 page as Spring Security forwards to it, with the refusal as a request attribute. */
@WebMvcTest(AccessDeniedController.class)
@DashboardWebMvcTest
class AccessDeniedControllerTest {

  @Autowired MockMvc mvc;

  @Test
  void saysWhoMayNotStopWhereAndWhatTheyMayDo() throws Exception {
    mvc.perform(
            post(AccessDeniedController.PATH)
                .with(user(stagingOperator()))
                .with(csrf())
                .requestAttr(
                    WebAttributes.ACCESS_DENIED_403,
                    new ClusterAccessDeniedException(
                        "staging-operator", "prod-web", ClusterAccessDeniedException.Action.STOP)))
        .andExpect(status().isForbidden())
        .andExpect(view().name("error"))
        .andExpect(content().string(containsString("Not allowed")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "You are signed in as staging-operator. You may not stop tasks of cluster"
                            + " prod-web. What you may do: Reads every cluster; stops tasks in"
                            + " staging-batch only.")));
  }

  @Test
  void explainsAnExpiredForm() throws Exception {
    mvc.perform(
            post(AccessDeniedController.PATH)
                .with(user(stagingOperator()))
                .with(csrf())
                .requestAttr(WebAttributes.ACCESS_DENIED_403, new MissingCsrfTokenException(null)))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("This form has expired")));
  }

  @Test
  void tellsAUserWithoutRoleThatTheyHaveNone() throws Exception {
    mvc.perform(get(AccessDeniedController.PATH).with(user("nobody").roles()))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("No role on this dashboard.")));
  }

  private static UserDetails stagingOperator() {
    return User.withUsername("staging-operator")
        .password("unused")
        .authorities(Grants.parse(List.of("OPERATOR@staging-batch", "VIEWER")).authorities())
        .build();
  }
}
