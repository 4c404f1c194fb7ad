package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.ecsdashboard.support.DemoAppTest;
import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * While the demo users (password = name) can sign in, every page says so: the clusters page, the
 * sign-in page, and error pages, those of Spring's error controller and those made by exception
 * handlers alike. Without them, no page does.
 */
@DemoAppTest
class DemoUsersBannerTest {

  static final String BANNER = "Demo users are active: anyone can sign in as admin/admin.";
  static final String DEMO_DATA = "Demo data: not a real AWS account.";

  @Autowired MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"clusters", "login", "error", "unknown address", "unknown cluster"})
  void everyPageSaysTheDemoUsersAreActive(String page) throws Exception {
    assertThat(render(mvc, page)).contains(BANNER).contains(DEMO_DATA);
  }

  /** Demo data, but users of one's own: the data banner stays, the users banner goes. */
  @Nested
  @TestPropertySource(properties = "dashboard.security.demo-users=false")
  class WithoutDemoUsers {

    @Autowired MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"clusters", "login", "error", "unknown address", "unknown cluster"})
    void noPageMentionsDemoUsers(String page) throws Exception {
      assertThat(render(mvc, page)).doesNotContain("Demo users are active").contains(DEMO_DATA);
    }
  }

  static String render(MockMvc mvc, String page) throws Exception {
    MockHttpServletRequestBuilder request =
        switch (page) {
          case "clusters" -> get("/clusters").with(user("viewer").roles("VIEWER"));
          case "login" -> get("/login");
          // What the servlet container does for a failure MockMvc does not forward by itself.
          case "error" ->
              get("/error")
                  .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                  .with(user("viewer").roles("VIEWER"));
          case "unknown address" -> get("/no/such/page").with(user("viewer").roles("VIEWER"));
          case "unknown cluster" ->
              get("/clusters/no-such-cluster/tasks").with(user("viewer").roles("VIEWER"));
          default -> throw new IllegalArgumentException(page);
        };
    String html =
        mvc.perform(request.accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).as(page).contains("</html>");
    return html;
  }
}
