package dev.ecsdashboard.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.support.ActuatorPortAppTest;
import dev.ecsdashboard.support.DemoAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Who gets what: every page and API endpoint, for an anonymous visitor and each demo user. One row
 * per endpoint in {@link #ROWS}; the expected status follows from the row's rule and from what the
 * demo configuration lets each user do ({@link Who}), so a new endpoint is one line:
 *
 * <ul>
 *   <li>allowed: the row's status (200 unless the row says otherwise, e.g. 302 after a form), and
 *       for a tool endpoint an error status comes as a problem document;
 *   <li>anonymous and refused: a page redirects to the sign-in page, a tool endpoint answers 401
 *       with a problem document;
 *   <li>signed in and refused: 403, the plain-words page for pages, a problem document for tools.
 * </ul>
 *
 * Pages get a signed-in session (and a CSRF token when they are forms); tool endpoints get HTTP
 * Basic with the demo password, checked against its bcrypt hash as in production. The Actuator rows
 * run twice: through MockMvc on the application's port, and over HTTP on Actuator's own port as
 * deployed ({@link OnTheManagementPort}).
 */
@DemoAppTest
class AccessMatrixTest {

  private static final String PROD = "prod-web";
  private static final String STAGING = "staging-batch";
  private static final String UNKNOWN_TASK = "0123456789abcdef0123456789abcdef";
  private static final String UNKNOWN_BULK_STOP = "0a1b2c3d-0000-4000-8000-000000000000";
  private static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/";

  /** Every page and tool endpoint there is. */
  static final List<Endpoint> ROWS =
      List.of(
          page("GET /login", anyone()),
          page("GET /", signedIn()).allowed(302),
          page("GET /clusters", signedIn()),
          // The pages. An unknown task gets past the access rule to ECS, which answers 404: the
          // status tells the rule's answer apart without stopping anything.
          page("GET /clusters/" + PROD, read(PROD)).allowed(302),
          page("GET /clusters/" + PROD + "/tasks", read(PROD)),
          page("GET /clusters/" + PROD + "/tasks?all=true", read(PROD)),
          page("GET /clusters/" + PROD + "/tasks/" + UNKNOWN_TASK, read(PROD)).allowed(404),
          page("GET /clusters/" + PROD + "/tasks/" + UNKNOWN_TASK + ".json", read(PROD))
              .allowed(404),
          page("GET /clusters/" + CLUSTER_ARN + PROD + "/tasks", read(PROD)).allowed(302),
          page("GET /clusters/" + CLUSTER_ARN + PROD + "/tasks/" + UNKNOWN_TASK, read(PROD))
              .allowed(302),
          page(
                  "GET /clusters/" + CLUSTER_ARN + PROD + "/tasks/" + UNKNOWN_TASK + ".json",
                  read(PROD))
              .allowed(302),
          page("GET /go?task=" + UNKNOWN_TASK + "&cluster=" + PROD, signedIn()).allowed(302),
          page("GET /clusters/" + STAGING + "/tasks/" + UNKNOWN_TASK + "/stop", stop(STAGING))
              .allowed(404),
          page("GET /clusters/" + PROD + "/tasks/" + UNKNOWN_TASK + "/stop", stop(PROD))
              .allowed(404),
          page("POST /clusters/" + STAGING + "/tasks/" + UNKNOWN_TASK + "/stop", stop(STAGING))
              .form("reason", "m")
              .allowed(404),
          page("POST /clusters/" + PROD + "/tasks/" + UNKNOWN_TASK + "/stop", stop(PROD))
              .form("reason", "m")
              .allowed(404),
          page("GET /clusters/" + STAGING + "/bulk-stop?task=" + UNKNOWN_TASK, stop(STAGING)),
          page("GET /clusters/" + PROD + "/bulk-stop?task=" + UNKNOWN_TASK, stop(PROD)),
          page("POST /clusters/" + STAGING + "/bulk-stop", stop(STAGING))
              .form("task", UNKNOWN_TASK)
              .form("reason", "m")
              .allowed(302),
          page("POST /clusters/" + PROD + "/bulk-stop", stop(PROD))
              .form("task", UNKNOWN_TASK)
              .form("reason", "m")
              .allowed(302),
          page("GET /clusters/" + PROD + "/bulk-stop/" + UNKNOWN_BULK_STOP, read(PROD)),
          page("GET /activity", signedIn()),
          page("GET /activity?user=admin", signedIn()),
          page("POST /logout", anyone()).allowed(302),
          // Where refusals and errors are shown: open to anyone, with their own status.
          page("GET /access-denied", anyone()).allowed(403),
          page("GET /error", anyone()).allowed(404),
          // The REST API. An unknown task gets past the access rule to ECS, which answers 404:
          // the status tells the rule's answer apart without stopping anything.
          tool("GET /api/v1/clusters", signedIn()),
          tool("GET /api/v1/clusters/" + PROD + "/tasks", read(PROD)),
          tool("GET /api/v1/clusters/" + PROD + "/tasks/" + UNKNOWN_TASK, read(PROD)).allowed(404),
          tool("POST /api/v1/tasks/stop?dryRun=true", stop(STAGING))
              .json(stopJson(STAGING))
              .allowed(404),
          tool("POST /api/v1/tasks/stop?dryRun=true", stop(PROD)).json(stopJson(PROD)).allowed(404),
          tool("POST /api/v1/tasks/stop", stop(PROD)).json(stopJson(PROD)).allowed(404),
          tool("POST /api/v1/tasks/stop-batch", stop(STAGING)).json(batchJson(STAGING)),
          tool("POST /api/v1/tasks/stop-batch", stop(PROD)).json(batchJson(PROD)),
          tool("GET /api/v1/tasks/stop-batch/no-such-batch", signedIn()).allowed(404),
          tool("GET /api/v1/audit", signedIn()),
          tool("GET /api/v1/audit?user=operator", who -> who == Who.OPERATOR || who == Who.ADMIN),
          tool("GET /api/v1/audit?user=admin", admin()),
          // No such resource or method: problem documents, like every other answer to tools.
          tool("GET /api/v1/no-such-resource", signedIn()).allowed(404),
          tool("DELETE /api/v1/clusters", signedIn()).allowed(405),
          // The API's OpenAPI document (session or Basic) and its Swagger UI page.
          tool("GET /v3/api-docs", signedIn()),
          page("GET /swagger-ui/index.html", signedIn()),
          // Actuator.
          tool("GET /actuator/health", anyone()),
          tool("GET /actuator/health/liveness", anyone()),
          tool("GET /actuator/health/readiness", anyone()),
          tool("GET /actuator/info", anyone()),
          tool("GET /actuator", admin()),
          tool("GET /actuator/metrics", admin()),
          tool("GET /actuator/metrics/jvm.memory.used", admin()),
          tool("GET /actuator/prometheus", admin()),
          tool("GET /actuator/env", admin()).allowed(404),
          tool("GET /actuator/configprops", admin()).allowed(404),
          tool("GET /actuator/heapdump", admin()).allowed(404),
          tool("GET /actuator/threaddump", admin()).allowed(404));

  /** The demo users (password = user name) and what the demo configuration lets them do. */
  enum Who {
    ANONYMOUS,
    VIEWER,
    OPERATOR,
    STAGING_OPERATOR,
    ADMIN;

    String username() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean reads(String cluster) {
      return this != ANONYMOUS;
    }

    boolean stops(String cluster) {
      return this == OPERATOR
          || this == ADMIN
          || (this == STAGING_OPERATOR && STAGING.equals(cluster));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /**
   * A new endpoint without a row fails here: every address a controller of the dashboard maps, for
   * each of its methods, is matched by at least one row.
   */
  @Test
  void everyMappedEndpointHasARow() {
    List<String> missing = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!handler.getBeanType().getPackageName().startsWith("dev.ecsdashboard")) {
                return;
              }
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                boolean covered =
                    ROWS.stream()
                        .anyMatch(
                            row ->
                                (methods.isEmpty()
                                        || methods.contains(
                                            RequestMethod.valueOf(row.method().name())))
                                    && pattern.matches(
                                        PathContainer.parsePath(
                                            URI.create(row.path()).getRawPath())));
                if (!covered) {
                  missing.add((methods.isEmpty() ? "ANY" : methods) + " " + pattern);
                }
              }
            });
    assertThat(missing).as("mapped endpoints without a row in ROWS").isEmpty();
  }

  static Stream<Arguments> cases() {
    return ROWS.stream()
        .flatMap(row -> Arrays.stream(Who.values()).map(who -> Arguments.of(row, who)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void answersAsTheRulesSay(Endpoint endpoint, Who who) throws Exception {
    ResultActions result = mvc.perform(endpoint.request(who, users));

    if (endpoint.rule().test(who)) {
      result.andExpect(status().is(endpoint.allowedStatus()));
      if (endpoint.tool() && endpoint.allowedStatus() >= 400) {
        result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
      }
    } else if (who == Who.ANONYMOUS && !endpoint.tool()) {
      result.andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    } else if (who == Who.ANONYMOUS) {
      result
          .andExpect(status().isUnauthorized())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    } else if (!endpoint.tool()) {
      result.andExpect(status().isForbidden()).andExpect(forwardedUrl("/access-denied"));
    } else {
      result
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  /** The Actuator rows, for every caller. */
  static Stream<Arguments> actuatorCases() {
    return cases().filter(c -> ((Endpoint) c.get()[0]).path().startsWith("/actuator"));
  }

  /**
   * The Actuator rows again over HTTP, on Actuator's own port as in production (the test profile
   * keeps Actuator on the application's port for MockMvc): the management server's child context
   * runs the application's Spring Security filter chain too.
   */
  @Nested
  @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
  @ActuatorPortAppTest
  class OnTheManagementPort {

    @LocalManagementPort int managementPort;
    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("dev.ecsdashboard.security.AccessMatrixTest#actuatorCases")
    void answersAsTheRulesSay(Endpoint endpoint, Who who) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + managementPort + endpoint.path()));
      if (who != Who.ANONYMOUS) {
        String credentials = who.username() + ":" + who.username();
        request.header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8)));
      }

      HttpResponse<String> response =
          http.send(
              request.method(endpoint.method().name(), BodyPublishers.noBody()).build(),
              BodyHandlers.ofString());

      boolean allowed = endpoint.rule().test(who);
      int refused = who == Who.ANONYMOUS ? 401 : 403;
      assertThat(response.statusCode()).isEqualTo(allowed ? endpoint.allowedStatus() : refused);
      if (!allowed) {
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(
                type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
      }
    }
  }

  static String stopJson(String cluster) {
    return "{\"cluster\": \""
        + cluster
        + "\", \"task\": \""
        + UNKNOWN_TASK
        + "\", \"reason\": \"m\"}";
  }

  static String batchJson(String cluster) {
    return "{\"cluster\": \""
        + cluster
        + "\", \"tasks\": [\""
        + UNKNOWN_TASK
        + "\"], \"reason\": \"m\"}";
  }

  static Predicate<Who> anyone() {
    return who -> true;
  }

  static Predicate<Who> signedIn() {
    return who -> who != Who.ANONYMOUS;
  }

  static Predicate<Who> admin() {
    return who -> who == Who.ADMIN;
  }

  static Predicate<Who> read(String cluster) {
    return who -> who.reads(cluster);
  }

  static Predicate<Who> stop(String cluster) {
    return who -> who.stops(cluster);
  }

  /** A page, for browsers: "METHOD /path". */
  static Endpoint page(String request, Predicate<Who> rule) {
    return Endpoint.of(false, request, rule);
  }

  /** A tool endpoint ({@code /api/**}, Actuator): "METHOD /path". */
  static Endpoint tool(String request, Predicate<Who> rule) {
    return Endpoint.of(true, request, rule);
  }

  /**
   * One row.
   *
   * @param tool whether it is served to tools (stateless, Basic or bearer) rather than browsers
   * @param method the HTTP method
   * @param path the path
   * @param rule who may use it
   * @param allowedStatus the status of an allowed request
   * @param form form fields of a page's POST
   * @param json the JSON body of a tool's request, or null
   */
  record Endpoint(
      boolean tool,
      HttpMethod method,
      String path,
      Predicate<Who> rule,
      int allowedStatus,
      Map<String, String> form,
      String json) {

    static Endpoint of(boolean tool, String request, Predicate<Who> rule) {
      String[] parts = request.split(" ", 2);
      return new Endpoint(tool, HttpMethod.valueOf(parts[0]), parts[1], rule, 200, Map.of(), null);
    }

    Endpoint allowed(int status) {
      return new Endpoint(tool, method, path, rule, status, form, json);
    }

    Endpoint form(String field, String value) {
      Map<String, String> fields = new LinkedHashMap<>(form);
      fields.put(field, value);
      return new Endpoint(tool, method, path, rule, allowedStatus, Map.copyOf(fields), json);
    }

    Endpoint json(String body) {
      return new Endpoint(tool, method, path, rule, allowedStatus, form, body);
    }

    MockHttpServletRequestBuilder request(Who who, UserDetailsService users) {
      MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
      form.forEach(request::param);
      if (json != null) {
        request.contentType(MediaType.APPLICATION_JSON).content(json);
      }
      if (who != Who.ANONYMOUS) {
        request.with(
            tool
                ? httpBasic(who.username(), who.username())
                : user(users.loadUserByUsername(who.username())));
      }
      if (!tool && method != HttpMethod.GET) {
        request.with(csrf());
      }
      return request;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }
}
