package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecsdashboard.support.DemoAppTest;
import dev.ecsdashboard.support.HostileInputTestBase;
import dev.ecsdashboard.support.HostileRequests;
import dev.ecsdashboard.support.HostileValues;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;

/**
 * More than 10,000 malformed and hostile values ({@link HostileValues}) through the stop form, the
 * bulk stop form and the path variables of every page, as a signed-in operator (and a valid CSRF
 * token sent in the query string, which does not count). Every answer is a 4xx with a message,
 * never a 500; no StopTask reaches the demo ECS; and no payload comes back unescaped. Each value is
 * one dynamic test of a corpus drawn with a fixed seed, so a failure repeats and names the value.
 */
@DemoAppTest
class HostileInputTest extends HostileInputTestBase {

  @AfterAll
  static void report() {
    HostileRequests.report("Hostile input (pages)");
  }

  @TestFactory
  Stream<DynamicTest> theStopFormRefusesEveryBadReasonAndEchoesItEscaped() {
    return HostileRequests.each(
        HostileValues.corpus(1, 2600, HostileValues::refusedReason),
        reason -> {
          send(
              post("/clusters/default/tasks/{t}/stop", running)
                  .param("reason", reason)
                  .with(csrf()),
              reason);
          assertNoStopTask();
        });
  }

  /** Hostile path segments; an empty one makes another address (a list instead of one task). */
  @TestFactory
  Stream<DynamicTest> everyPathVariableRefusesHostileValues() {
    return HostileRequests.each(
        HostileValues.corpus(2, 500, HostileValues::any, value -> !value.isEmpty()),
        this::everyPathVariableRefuses);
  }

  private void everyPathVariableRefuses(String value) {
    String segment = UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    List<Function<String, MockHttpServletRequestBuilder>> pages =
        List.of(
            v -> get("/clusters/" + v),
            v -> get("/clusters/" + v + "/tasks"),
            v -> get("/clusters/" + v + "/tasks/" + running),
            v -> get("/clusters/default/tasks/" + v),
            v -> get("/clusters/default/tasks/" + v + ".json"),
            v -> get("/clusters/default/tasks/" + v + "/stop"),
            v -> stopPost("/clusters/" + v + "/tasks/" + running + "/stop"),
            v -> stopPost("/clusters/default/tasks/" + v + "/stop"),
            v -> get("/clusters/" + v + "/bulk-stop").param("task", running),
            v -> stopPost("/clusters/" + v + "/bulk-stop").param("task", running),
            v -> get("/clusters/default/bulk-stop/" + v));
    for (Function<String, MockHttpServletRequestBuilder> page : pages) {
      send(page.apply(segment), value);
    }
    assertNoStopTask();
  }

  @Test
  void rawTraversalAndEncodedSlashesInPathsAreRefused() {
    for (String raw :
        List.of(
            "/clusters/../actuator/env",
            "/clusters/default/tasks/..%2F..%2Factuator%2Fenv",
            "/clusters/default/tasks/%2e%2e/%2e%2e/activity",
            "/clusters/default/tasks/%252e%252e%252f",
            "/clusters/default%00/tasks",
            "/clusters/default/tasks/" + running + "%2F..%2Fstop",
            "/clusters/default/tasks/" + running + ";x=1/stop",
            "/clusters/default/tasks/..;/..;/actuator/env")) {
      send(stopPost(URI.create(raw)), raw);
      send(get(URI.create(raw)), raw);
    }
    assertNoStopTask();
  }

  @TestFactory
  Stream<DynamicTest> theBulkStopFormRefusesHostileTasksAndFilters() {
    return HostileRequests.each(
        HostileValues.corpus(3, 600, HostileValues::any), this::bulkStopRefuses);
  }

  private void bulkStopRefuses(String value) {
    send(stopPost("/clusters/default/bulk-stop").param("task", running, value), value);
    send(
        stopPost("/clusters/default/bulk-stop")
            .param("all", "true")
            .param("confirmCluster", value)
            .param("serviceName", value)
            .param("family", value),
        value);
    send(
        get("/clusters/default/bulk-stop")
            .param("all", "true")
            .param("desiredStatus", value.isBlank() ? "x" + value : value),
        value);
    assertNoStopTask();
  }

  @TestFactory
  Stream<DynamicTest> theBulkStopFormRefusesEveryBadReason() {
    return HostileRequests.each(
        HostileValues.corpus(4, 600, HostileValues::refusedReason),
        reason -> {
          send(
              post("/clusters/default/bulk-stop")
                  .param("task", running)
                  .param("reason", reason)
                  .with(csrf()),
              reason);
          assertNoStopTask();
        });
  }

  @Test
  void wrongContentTypesHugeBodiesAndMissingTokensStopNothing() {
    String url = "/clusters/default/tasks/" + running + "/stop";
    Map<MediaType, String> bodies =
        Map.of(
            MediaType.APPLICATION_JSON,
            "{\"reason\":\"" + VALID_REASON + "\"}",
            MediaType.valueOf("application/json;charset=utf-8"),
            "{\"reason\":",
            MediaType.TEXT_PLAIN,
            "reason=" + VALID_REASON,
            MediaType.APPLICATION_XML,
            "<reason>" + VALID_REASON + "</reason>",
            MediaType.valueOf("multipart/form-data"),
            "reason=" + VALID_REASON,
            MediaType.APPLICATION_OCTET_STREAM,
            "\u0000\u0001\u0002");
    for (Map.Entry<MediaType, String> body : bodies.entrySet()) {
      send(
          post(url).contentType(body.getKey()).content(body.getValue()).with(csrf()),
          body.getValue());
    }
    for (int megabytes : List.of(1, 2, 4)) {
      String huge = "<b>".repeat(megabytes * 350_000);
      send(post(url).param("reason", huge).with(csrf()), huge);
      send(
          post(url).contentType(MediaType.APPLICATION_JSON).content(huge).with(csrf()),
          huge.substring(0, 100));
    }
    send(post(url).param("reason", VALID_REASON), VALID_REASON);
    send(post(url).param("reason", VALID_REASON).param("_csrf", "forged"), VALID_REASON);
    // A valid token, but in the query string (where logs and Referer headers keep it).
    MockHttpSession session = new MockHttpSession();
    String form = contentOf(get(url).session(session).with(user("operator").roles("OPERATOR")));
    Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertThat(token.find()).as("a CSRF token in the stop form").isTrue();
    send(
        post(url + "?_csrf=" + token.group(1)).param("reason", VALID_REASON).session(session),
        VALID_REASON);
    send(
        post(url + "?_csrf=" + token.group(1))
            .param("reason", VALID_REASON)
            .param("_csrf", token.group(1))
            .session(session),
        VALID_REASON);
    assertNoStopTask();
  }

  private String contentOf(MockHttpServletRequestBuilder request) {
    try {
      return mvc.perform(request).andReturn().getResponse().getContentAsString();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static MockHttpServletRequestBuilder stopPost(String url) {
    return post(url).param("reason", VALID_REASON).with(csrf());
  }

  private static MockHttpServletRequestBuilder stopPost(URI url) {
    return post(url).param("reason", VALID_REASON).with(csrf());
  }
}
