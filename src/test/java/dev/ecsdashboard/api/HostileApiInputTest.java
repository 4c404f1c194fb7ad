package dev.ecsdashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.ecsdashboard.ecs.demo.DemoEcs;
import dev.ecsdashboard.ecs.demo.DemoEcsHttpClient;
import dev.ecsdashboard.support.DemoAppTest;
import dev.ecsdashboard.support.HostileRequests;
import dev.ecsdashboard.support.HostileValues;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile values ({@link HostileValues}) and malformed JSON through the REST API: {@code POST
 * /api/v1/tasks/stop}, {@code POST /api/v1/tasks/stop-batch} and the API's path variables. Every
 * answer is a 4xx problem document, never a 500; no StopTask reaches the demo ECS. jqwik properties
 * with fixed seeds over the shared demo application, injected by Spring's test context manager.
 */
@DemoAppTest
class HostileApiInputTest {

  private static final String VALID_REASON = "hostile input drill";

  /** Escapes every non-ASCII character, so that even a lone surrogate arrives as it was drawn. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;

  private String running;
  private long stopsBefore;

  @BeforeProperty
  void injectTheDemoApplication() throws Exception {
    new TestContextManager(HostileApiInputTest.class).prepareTestInstance(this);
    running =
        demo.tasks("default").stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()))
            .map(t -> t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1))
            .findFirst()
            .orElseThrow();
    stopsBefore = http.callCount("StopTask");
  }

  @AfterContainer
  static void report() {
    HostileRequests.report("Hostile input (API)");
  }

  @Provide
  Arbitrary<String> hostile() {
    return HostileValues.any();
  }

  @Provide
  Arbitrary<String> refusedReasons() {
    return HostileValues.refusedReasons();
  }

  @Provide
  Arbitrary<String> malformedJson() {
    String valid =
        "{\"cluster\":\"default\",\"task\":\"0123456789abcdef0123456789abcdef\",\"reason\":\"r\"}";
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, valid.length() - 1).map(n -> valid.substring(0, n)),
        Arbitraries.of(
            "",
            "null",
            "[]",
            "\"task\"",
            "42",
            "{\"task\":123,\"reason\":\"r\"}",
            "{\"task\":[\"a\"],\"reason\":\"r\"}",
            "{\"task\":{\"$ne\":null},\"reason\":\"r\"}",
            "{\"task\":\"x\",\"reason\":\"r\",\"force\":true}",
            "{\"task\":\"x\"} trailing",
            "{'task':'x'}",
            "{\"task\":\"\\ud800\"}",
            "\ufeff{\"task\":\"x\"}",
            "{\"tasks\":\"not a list\",\"reason\":\"r\"}",
            "{\"tasks\":[1,2,3],\"reason\":\"r\"}"),
        Arbitraries.integers().between(1000, 20000).map(n -> "[".repeat(n) + "]".repeat(n)),
        Combinators.combine(Arbitraries.of(valid), Arbitraries.strings().all().ofMaxLength(20))
            .as((json, noise) -> json.substring(0, json.length() - 1) + noise));
  }

  /**
   * Hostile clusters; an empty one means {@code default} in the API (as in ECS), and the default
   * cluster's own ARN is a valid way to name it.
   */
  private static boolean namesAnotherCluster(String value) {
    return !value.isBlank() && !value.startsWith("arn:aws:ecs:us-east-1:123456789012:cluster/");
  }

  @Property(tries = 700, seed = "5", generation = GenerationMode.RANDOMIZED)
  void stopRefusesHostileTasksClustersAndReasons(
      @ForAll("hostile") String value, @ForAll("refusedReasons") String reason) {
    Assume.that(namesAnotherCluster(value));
    send(
        "/api/v1/tasks/stop",
        Map.of("cluster", "default", "task", value, "reason", VALID_REASON),
        value);
    send(
        "/api/v1/tasks/stop",
        Map.of("cluster", value, "task", running, "reason", VALID_REASON),
        value);
    send(
        "/api/v1/tasks/stop",
        Map.of("cluster", "default", "task", running, "reason", reason),
        reason);
    assertNoStopTask();
  }

  @Property(tries = 500, seed = "6", generation = GenerationMode.RANDOMIZED)
  void stopBatchRefusesHostileTasksClustersAndReasons(
      @ForAll("hostile") String value, @ForAll("refusedReasons") String reason) {
    Assume.that(namesAnotherCluster(value));
    send(
        "/api/v1/tasks/stop-batch",
        Map.of("cluster", "default", "tasks", List.of(running, value), "reason", VALID_REASON),
        value);
    send(
        "/api/v1/tasks/stop-batch",
        Map.of("cluster", value, "tasks", List.of(running), "reason", VALID_REASON),
        value);
    send(
        "/api/v1/tasks/stop-batch",
        Map.of("cluster", "default", "tasks", List.of(running), "reason", reason),
        reason);
    assertNoStopTask();
  }

  @Property(tries = 400, seed = "7", generation = GenerationMode.RANDOMIZED)
  void malformedJsonIsRefused(@ForAll("malformedJson") String json) {
    for (String url : List.of("/api/v1/tasks/stop", "/api/v1/tasks/stop-batch")) {
      HostileRequests.send(
          mvc, post(url).contentType(MediaType.APPLICATION_JSON).content(json), json);
    }
    assertNoStopTask();
  }

  @Property(tries = 400, seed = "8", generation = GenerationMode.RANDOMIZED)
  void everyApiPathVariableRefusesHostileValues(@ForAll("hostile") String value) {
    String segment = UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    if (segment.isEmpty()) {
      return;
    }
    HostileRequests.send(mvc, get("/api/v1/clusters/" + segment + "/tasks"), value);
    HostileRequests.send(mvc, get("/api/v1/clusters/default/tasks/" + segment), value);
    HostileRequests.send(mvc, get("/api/v1/tasks/stop-batch/" + segment), value);
    assertNoStopTask();
  }

  @Example
  void wrongContentTypesAndHugeBodiesAreRefused() {
    String body = json(Map.of("cluster", "default", "task", running, "reason", VALID_REASON));
    for (MediaType type :
        List.of(
            MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.APPLICATION_XML,
            MediaType.TEXT_HTML,
            MediaType.valueOf("application/json-patch+json"))) {
      HostileRequests.send(mvc, post("/api/v1/tasks/stop").contentType(type).content(body), body);
    }
    HostileRequests.send(mvc, post("/api/v1/tasks/stop").content(body), body);
    String huge = "<b>".repeat(1_000_000);
    send("/api/v1/tasks/stop", Map.of("task", running, "reason", huge), huge);
    List<String> many = java.util.Collections.nCopies(20_000, running + "x");
    send("/api/v1/tasks/stop-batch", Map.of("tasks", many, "reason", VALID_REASON), "many");
    assertNoStopTask();
  }

  private void send(String url, Map<String, ?> fields, String payload) {
    MockHttpServletRequestBuilder request =
        post(url)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json(new LinkedHashMap<>(fields)));
    HostileRequests.send(mvc, request, payload);
  }

  private static String json(Map<String, ?> fields) {
    return JSON.writeValueAsString(fields);
  }

  private void assertNoStopTask() {
    assertThat(http.callCount("StopTask")).isEqualTo(stopsBefore);
  }
}
