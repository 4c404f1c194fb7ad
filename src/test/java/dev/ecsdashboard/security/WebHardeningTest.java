package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.support.DemoAppTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Headers, CSRF, sessions and the Actuator, on the whole dashboard. */
@DemoAppTest
class WebHardeningTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired DemoEcs demo;

  @Test
  void sendsTheSecurityHeadersWithAPage() throws Exception {
    mvc.perform(get("/clusters").with(user(users.loadUserByUsername("viewer"))))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    allOf(
                        containsString("default-src 'self'"),
                        containsString("script-src 'self';"),
                        containsString("style-src 'self';"),
                        containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")))))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "same-origin"))
        .andExpect(header().string("Cache-Control", containsString("no-store")))
        .andExpect(header().doesNotExist("Strict-Transport-Security"));
  }

  @Test
  void sendsHstsOnlyOverTls() throws Exception {
    mvc.perform(get("/login").secure(true))
        .andExpect(status().isOk())
        .andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
  }

  @Test
  void refusesAFormPostWithoutCsrfToken() throws Exception {
    mvc.perform(post("/login").param("username", "admin").param("password", "admin"))
        .andExpect(status().isForbidden())
        .andExpect(unauthenticated());
    mvc.perform(
            post("/clusters/staging-batch/tasks/0123456789abcdef0123456789abcdef/stop")
                .param("reason", "no token")
                .with(user(users.loadUserByUsername("operator"))))
        .andExpect(status().isForbidden());
    mvc.perform(post("/logout").with(user(users.loadUserByUsername("operator"))))
        .andExpect(status().isForbidden());
  }

  @Test
  void acceptsAnApiPostWithBasicAndWithoutCsrfToken() throws Exception {
    mvc.perform(
            post("/api/v1/tasks/stop?dryRun=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"cluster\": \"staging-batch\", \"task\": \""
                        + demo.tasks("staging-batch").get(0).taskArn()
                        + "\", \"reason\": \"no token needed\"}")
                .with(httpBasic("staging-operator", "staging-operator")))
        .andExpect(status().isOk())
        .andExpect(header().exists("X-Stop-Outcome"))
        .andExpect(header().doesNotExist("Set-Cookie"));
  }

  @Test
  void refusesWrongBasicCredentialsWithAProblemDocument() throws Exception {
    mvc.perform(get("/api/v1/clusters/default/tasks").with(httpBasic("viewer", "admin")))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Basic realm=\"ECS Dashboard\""))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value(containsString("not accepted")))
        .andExpect(jsonPath("$.instance").value("/api/v1/clusters/default/tasks"));
  }

  @Test
  void explainsAClusterRefusalInTheProblemDocument() throws Exception {
    mvc.perform(
            post("/api/v1/tasks/stop?dryRun=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"cluster\": \"prod-web\", \"task\": \"0123456789abcdef0123456789abcdef\","
                        + " \"reason\": \"not mine\"}")
                .with(httpBasic("staging-operator", "staging-operator")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.title").value("Forbidden"))
        .andExpect(
            jsonPath("$.detail").value("staging-operator may not stop tasks of cluster prod-web."));
  }

  @Test
  void signsInWithANewSessionIdAndSignsOut() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String before = session.getId();

    MvcResult signedIn =
        mvc.perform(
                post("/login")
                    .session(session)
                    .param("username", "operator")
                    .param("password", "operator")
                    .with(csrf()))
            .andExpect(authenticated().withUsername("operator"))
            .andExpect(redirectedUrl("/clusters"))
            .andReturn();
    MockHttpSession after = (MockHttpSession) signedIn.getRequest().getSession();
    assertThat(after.getId()).isNotEqualTo(before);

    mvc.perform(post("/logout").session(after).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"))
        .andExpect(unauthenticated());
    assertThat(after.isInvalid()).isTrue();
  }

  @Test
  void takesTheCsrfTokenFromTheBodyOrTheHeaderButNeverFromTheQueryString() throws Exception {
    for (String where : new String[] {"query", "query and body", "body", "header"}) {
      MockHttpSession session = new MockHttpSession();
      String page =
          mvc.perform(get("/login").session(session))
              .andReturn()
              .getResponse()
              .getContentAsString();
      Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
      assertThat(token.find()).isTrue();
      String url = where.startsWith("query") ? "/login?_csrf=" + token.group(1) : "/login";
      MockHttpServletRequestBuilder signIn =
          post(url).session(session).param("username", "viewer").param("password", "viewer");
      if (where.endsWith("body")) {
        signIn.param("_csrf", token.group(1));
      }
      if (where.equals("header")) {
        signIn.header("X-CSRF-TOKEN", token.group(1));
      }

      ResultActions result = mvc.perform(signIn);

      if (where.startsWith("query")) {
        result.andExpect(status().isForbidden()).andExpect(unauthenticated());
      } else {
        result.andExpect(redirectedUrl("/clusters")).andExpect(authenticated());
      }
    }
  }

  @Test
  void showsHealthWithoutDetails() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components").doesNotExist())
        .andExpect(jsonPath("$.details").doesNotExist());
    mvc.perform(get("/actuator/health/readiness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components").doesNotExist());
  }

  @Test
  void servesPrometheusToAdmin() throws Exception {
    mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")));
  }
}
