package dev.ecsdashboard.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.support.DemoAppTest;
import dev.ecsdashboard.support.HostileInputTestBase;
import dev.ecsdashboard.support.HostileRequests;
import dev.ecsdashboard.support.HostileValues;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile values ({@link HostileValues}) and malformed JSON through the REST API: {@code POST
 * /api/v1/tasks/stop}, {@code POST /api/v1/tasks/stop-batch} and the API's path variables, and the
 * spellings of a dry run, near misses of it and fields and parameters a stop does not take. Every
 * answer is a 4xx problem document, never a 500 (a dry run's is 200); no StopTask reaches the demo
 * ECS. Each value is one dynamic test of a corpus drawn with a fixed seed, over the shared demo
 * application.
 */
@DemoAppTest
class HostileApiInputTest extends HostileInputTestBase {

  /** Escapes every non-ASCII character, so that even a lone surrogate arrives as it was drawn. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @AfterAll
  static void report() {
    HostileRequests.report("Hostile input (API)");
  }

  /**
   * Hostile clusters; an empty one means {@code default} in the API (as in ECS), and the default
   * cluster's own ARN is a valid way to name it.
   */
  private static boolean namesAnotherCluster(String value) {
    return !value.isBlank() && !value.startsWith("arn:aws:ecs:us-east-1:123456789012:cluster/");
  }

  @TestFactory
  Stream<DynamicTest> stopRefusesHostileTasksClustersAndReasons() {
    return HostileRequests.each(
        HostileValues.corpus(5, 700, HostileValues::any, HostileApiInputTest::namesAnotherCluster),
        HostileValues.corpus(50, 700, HostileValues::refusedReason),
        this::stopRefuses);
  }

  private void stopRefuses(String value, String reason) {
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

  @TestFactory
  Stream<DynamicTest> stopBatchRefusesHostileTasksClustersAndReasons() {
    return HostileRequests.each(
        HostileValues.corpus(6, 500, HostileValues::any, HostileApiInputTest::namesAnotherCluster),
        HostileValues.corpus(60, 500, HostileValues::refusedReason),
        this::stopBatchRefuses);
  }

  private void stopBatchRefuses(String value, String reason) {
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

  @TestFactory
  Stream<DynamicTest> malformedJsonIsRefused() {
    return HostileRequests.each(
        HostileValues.corpus(7, 400, HostileValues::malformedJson), this::malformedJsonRefused);
  }

  private void malformedJsonRefused(String json) {
    for (String url : List.of("/api/v1/tasks/stop", "/api/v1/tasks/stop-batch")) {
      send(post(url).contentType(MediaType.APPLICATION_JSON).content(json), json);
    }
    assertNoStopTask();
  }

  /** Hostile path segments; an empty one makes another address. */
  @TestFactory
  Stream<DynamicTest> everyApiPathVariableRefusesHostileValues() {
    return HostileRequests.each(
        HostileValues.corpus(8, 400, HostileValues::any, value -> !value.isEmpty()),
        this::everyApiPathVariableRefuses);
  }

  private void everyApiPathVariableRefuses(String value) {
    String segment = UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    send(get("/api/v1/clusters/" + segment + "/tasks"), value);
    send(get("/api/v1/clusters/default/tasks/" + segment), value);
    send(get("/api/v1/tasks/stop-batch/" + segment), value);
    assertNoStopTask();
  }

  /** The spellings of a dry run: each one checks everything and stops nothing. */
  private static final List<String> DRY_RUNS =
      List.of("dryRun", "dryRun=", "dryRun=true", "dryRun=TRUE", "dryRun=True");

  /**
   * Near misses of a dry run and parameters a stop does not take: each is refused with 400 naming
   * the parameter, and stops nothing.
   */
  private static final List<String> REFUSED_QUERIES =
      List.of(
          "dryrun=true",
          "dry-run=true",
          "dry_run=true",
          "DryRun=true",
          "DRYRUN",
          "dryRun=yes",
          "dryRun=1",
          "dryRun=on",
          "dryRun=tru",
          "dryRun=%00",
          "dryRun=%20true",
          "dryRun=true&dryRun=false",
          "dryRun=false&dryRun=true",
          "dryRun=false&dryrun=true",
          "dryRun=false&force=true",
          "dryRun%5B%5D=true",
          "force=true",
          "cluster=default",
          "%3Cscript%3E=1");

  /** Body fields neither body has: refused with 400, never ignored. */
  private static final List<String> REFUSED_FIELDS =
      List.of("dryRun", "DryRun", "dry_run", "dryrun", "force", "<script>", "");

  @TestFactory
  Stream<DynamicTest> everySpellingOfADryRunStopsNothing() {
    return HostileRequests.each(DRY_RUNS, this::dryRunStopsNothing);
  }

  private void dryRunStopsNothing(String query) {
    try {
      mvc.perform(stop(query).with(user("operator").roles("OPERATOR")))
          .andExpect(status().isOk())
          .andExpect(header().string(StopApiController.OUTCOME_HEADER, "WOULD_STOP"));
      mvc.perform(stopBatch(query).with(user("operator").roles("OPERATOR")))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.dryRun").value(true))
          .andExpect(jsonPath("$.tasks[0].outcome").value("WOULD_STOP"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertNoStopTask();
  }

  @TestFactory
  Stream<DynamicTest> nearMissesOfADryRunAndUnknownParametersAreRefused() {
    return HostileRequests.each(REFUSED_QUERIES, this::queryRefused);
  }

  private void queryRefused(String query) {
    send(stop(query), query);
    send(stopBatch(query), query);
    assertNoStopTask();
  }

  /** A valid stop of the running task, with this query. */
  private MockHttpServletRequestBuilder stop(String query) {
    return post("/api/v1/tasks/stop?" + query)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json(Map.of("task", running, "reason", VALID_REASON)));
  }

  /** A valid stop-batch of the running task, with this query. */
  private MockHttpServletRequestBuilder stopBatch(String query) {
    return post("/api/v1/tasks/stop-batch?" + query)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json(Map.of("tasks", List.of(running), "reason", VALID_REASON)));
  }

  @TestFactory
  Stream<DynamicTest> bodyFieldsTheBodyDoesNotHaveAreRefused() {
    return HostileRequests.each(REFUSED_FIELDS, this::fieldRefused);
  }

  private void fieldRefused(String field) {
    Map<String, Object> stop = new LinkedHashMap<>(Map.of("task", running, "reason", VALID_REASON));
    stop.put(field, true);
    Map<String, Object> batch =
        new LinkedHashMap<>(Map.of("tasks", List.of(running), "reason", VALID_REASON));
    batch.put(field, true);
    send("/api/v1/tasks/stop", stop, field);
    send("/api/v1/tasks/stop-batch", batch, field);
    send("/api/v1/tasks/stop?dryRun=false", stop, field);
    assertNoStopTask();
  }

  @Test
  void wrongContentTypesAndHugeBodiesAreRefused() {
    String body = json(Map.of("cluster", "default", "task", running, "reason", VALID_REASON));
    for (MediaType type :
        List.of(
            MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.APPLICATION_XML,
            MediaType.TEXT_HTML,
            MediaType.valueOf("application/json-patch+json"))) {
      send(post("/api/v1/tasks/stop").contentType(type).content(body), body);
    }
    send(post("/api/v1/tasks/stop").content(body), body);
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
    send(request, payload);
  }

  private static String json(Map<String, ?> fields) {
    return JSON.writeValueAsString(fields);
  }
}
