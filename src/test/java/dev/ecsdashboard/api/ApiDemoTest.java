package dev.ecsdashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditFilter;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoTestHooks;
import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.support.DemoAppTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The REST API in the whole dashboard against the demo ECS, called as a tool would. */
@DemoAppTest
class ApiDemoTest {

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;
  @Autowired AuditStore audit;
  @Autowired ObjectMapper json;

  @Test
  void listsTheClustersAsDescribeClustersSendsThem() throws Exception {
    JsonNode clusters = read(get("/api/v1/clusters"), "viewer").get("clusters");

    assertThat(clusters.valueStream().map(c -> c.get("clusterName").asString()))
        .contains("default", "prod-web", "staging-batch");
    JsonNode prod =
        clusters
            .valueStream()
            .filter(c -> c.get("clusterName").asString().equals("prod-web"))
            .findFirst()
            .orElseThrow();
    assertThat(prod.get("clusterArn").asString()).endsWith(":cluster/prod-web");
    assertThat(prod.get("runningTasksCount").isInt()).isTrue();
    assertThat(prod.toString()).doesNotContain("null");
  }

  @Test
  void pagesTasksWithMaxResultsAndNextToken() throws Exception {
    JsonNode first = read(get("/api/v1/clusters/prod-web/tasks?maxResults=5"), "viewer");
    assertThat(first.get("tasks").size()).isEqualTo(5);
    String token = first.get("nextToken").asString();

    JsonNode second =
        read(
            get("/api/v1/clusters/prod-web/tasks")
                .param("maxResults", "5")
                .param("nextToken", token),
            "viewer");
    assertThat(second.get("tasks").size()).isEqualTo(5);
    assertThat(arns(second)).doesNotContainAnyElementsOf(arns(first));
    JsonNode task = first.get("tasks").get(0);
    assertThat(task.get("createdAt").isNumber()).isTrue();
    assertThat(task.has("tags")).isTrue();
    assertThat(task.toString()).doesNotContain("null");
  }

  @Test
  void aLastPageHasNoNextTokenField() throws Exception {
    JsonNode page =
        read(get("/api/v1/clusters/staging-batch/tasks?desiredStatus=RUNNING"), "viewer");
    assertThat(page.has("nextToken")).isFalse();
    assertThat(page.get("tasks").size()).isPositive();
  }

  @Test
  void describesOneTaskByIdOrArnExactlyAsEcsSendsIt() throws Exception {
    Task task = running("prod-web");
    JsonNode wire = parse(WireJson.toJson(task).toString());

    JsonNode byId = read(get("/api/v1/clusters/prod-web/tasks/" + id(task)), "viewer");
    JsonNode byArn = read(get("/api/v1/clusters/prod-web/tasks/" + task.taskArn()), "viewer");

    assertThat(byId.get("task")).isEqualTo(wire);
    assertThat(byArn).isEqualTo(byId);
  }

  @Test
  void stopsATaskFromACliSkeletonAndAnswersAsTheCliPrints() throws Exception {
    Task task = running("staging-batch");
    long stopsBefore = http.callCount("StopTask");

    JsonNode answer =
        read(
            post("/api/v1/tasks/stop")
                .contentType(MediaType.APPLICATION_JSON)
                .content(skeleton("staging-batch", task.taskArn(), "queue drained")),
            "staging-operator");

    assertThat(answer.propertyNames()).containsExactly("task");
    assertThat(answer.get("task").get("taskArn").asString()).isEqualTo(task.taskArn());
    assertThat(answer.get("task").get("desiredStatus").asString()).isEqualTo("STOPPED");
    assertThat(answer.get("task").get("stoppedReason").asString())
        .isEqualTo("staging-operator: queue drained");
    assertThat(http.callCount("StopTask")).isEqualTo(stopsBefore + 1);
    AuditEntry record =
        audit.findAll(AuditFilter.ALL.withUser("staging-operator")).stream()
            .filter(r -> r.taskArn().equals(task.taskArn()))
            .findFirst()
            .orElseThrow();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.STOPPED);
  }

  @Test
  void aDryRunChecksEverythingAndStopsNothing() throws Exception {
    Task task = running("default");
    long stopsBefore = http.callCount("StopTask");

    JsonNode answer =
        read(
            post("/api/v1/tasks/stop?dryRun=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"task\": \"" + id(task) + "\", \"reason\": \"just checking\"}"),
            "operator");

    assertThat(answer.get("task").get("desiredStatus").asString()).isEqualTo("RUNNING");
    assertThat(http.callCount("StopTask")).isEqualTo(stopsBefore);
    assertThat(DemoTestHooks.task(demo, id(task)).orElseThrow().desiredStatus())
        .isEqualTo("RUNNING");
    mvc.perform(
            post("/api/v1/tasks/stop?dryRun=true")
                .contentType(MediaType.APPLICATION_JSON)
                .content(skeleton("", id(task), "just checking"))
                .with(httpBasic("operator", "operator")))
        .andExpect(header().string(StopApiController.OUTCOME_HEADER, "WOULD_STOP"))
        .andExpect(header().doesNotExist(StopApiController.AUDIT_HEADER));
  }

  @Test
  void stopsABatchAndAnswersEachTasksOutcome() throws Exception {
    List<Task> tasks =
        demo.tasks("staging-batch").stream().filter(ApiDemoTest::isRunning).limit(3).toList();
    String body =
        "{\"cluster\": \"staging-batch\", \"tasks\": ["
            + String.join(", ", tasks.stream().map(t -> "\"" + id(t) + "\"").toList())
            + "], \"reason\": \"batch job done\"}";

    JsonNode answer =
        read(
            post("/api/v1/tasks/stop-batch").contentType(MediaType.APPLICATION_JSON).content(body),
            "operator");

    assertThat(answer.get("done").asBoolean()).isTrue();
    assertThat(answer.get("reason").asString()).isEqualTo("operator: batch job done");
    assertThat(answer.get("tasks").valueStream().map(t -> t.get("outcome").asString()))
        .containsExactly("STOPPED", "STOPPED", "STOPPED");
    assertThat(audit.findAll(AuditFilter.batch(answer.get("id").asString()))).hasSize(3);
  }

  @Test
  void aBatchDryRunAnswersWhatAStopWouldDoAndStopsAndRecordsNothing() throws Exception {
    Task task = running("staging-batch");
    Task stopped =
        demo.tasks("staging-batch").stream()
            .filter(t -> "STOPPED".equals(t.desiredStatus()))
            .findFirst()
            .orElseThrow();
    String body =
        "{\"cluster\": \"staging-batch\", \"tasks\": [\""
            + id(task)
            + "\", \""
            + id(stopped)
            + "\", \"ffffffffffffffffffffffffffffffff\"], \"reason\": \"just checking\"}";
    long stopsBefore = http.callCount("StopTask");
    long recordsBefore = audit.find(AuditFilter.ALL, 0, 1).total();

    JsonNode answer =
        read(
            post("/api/v1/tasks/stop-batch?dryRun")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body),
            "operator");

    assertThat(answer.get("dryRun").asBoolean()).isTrue();
    assertThat(answer.get("done").asBoolean()).isTrue();
    assertThat(answer.has("id")).isFalse();
    assertThat(answer.get("tasks").valueStream().map(t -> t.get("outcome").asString()))
        .containsExactly("WOULD_STOP", "ALREADY_STOPPED", "FAILED");
    assertThat(answer.get("tasks").get(2).get("errorCode").asString()).isEqualTo("MISSING");
    assertThat(http.callCount("StopTask")).isEqualTo(stopsBefore);
    assertThat(audit.find(AuditFilter.ALL, 0, 1).total()).isEqualTo(recordsBefore);
    assertThat(DemoTestHooks.task(demo, id(task)).orElseThrow().desiredStatus())
        .isEqualTo("RUNNING");
  }

  @Test
  void theAuditTrailShowsOthersOwnRecordsAndAdministratorsEveryones() throws Exception {
    Task task = running("default");
    read(
        post("/api/v1/tasks/stop")
            .contentType(MediaType.APPLICATION_JSON)
            .content(skeleton("default", id(task), "audit me")),
        "admin");

    JsonNode mine = read(get("/api/v1/audit"), "operator");
    assertThat(mine.get("entries").valueStream().map(e -> e.get("user").asString()))
        .allMatch("operator"::equals);
    JsonNode admins = read(get("/api/v1/audit?user=admin&outcome=STOPPED"), "admin");
    assertThat(admins.get("entries").get(0).get("taskArn").asString()).isEqualTo(task.taskArn());
    assertThat(admins.get("entries").get(0).get("reasonSent").asString())
        .isEqualTo("admin: audit me");
    problem(get("/api/v1/audit?user=admin"), "operator", 403);
    problem(get("/api/v1/audit?outcome=EXPLODED"), "admin", 400);
    awaitReplacements("default");
  }

  private JsonNode read(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String user)
      throws Exception {
    String body =
        mvc.perform(request.with(httpBasic(user, user)))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return parse(body);
  }

  /** Timestamps stay exact decimals, as ECS sends them. */
  private JsonNode parse(String body) {
    return ApiTasks.parse(json, body);
  }

  ResultActions problem(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String user,
      int status)
      throws Exception {
    return mvc.perform(request.with(httpBasic(user, user)))
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.detail").isString());
  }

  static String skeleton(String cluster, String task, String reason) {
    return "{\"cluster\": \""
        + cluster
        + "\", \"task\": \""
        + task
        + "\", \"reason\": \""
        + reason
        + "\"}";
  }

  private static List<String> arns(JsonNode page) {
    return page.get("tasks").valueStream().map(t -> t.get("taskArn").asString()).toList();
  }

  private Task running(String cluster) {
    return demo.tasks(cluster).stream().filter(ApiDemoTest::isRunning).findFirst().orElseThrow();
  }

  private static boolean isRunning(Task t) {
    return "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus());
  }

  private void awaitReplacements(String cluster) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                demo.tasks(cluster).stream()
                    .filter(t -> "RUNNING".equals(t.desiredStatus()))
                    .allMatch(t -> "RUNNING".equals(t.lastStatus())));
  }

  static String id(Task task) {
    return task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
  }
}
