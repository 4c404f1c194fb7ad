package dev.ecsdashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsdashboard.support.DashboardProcess;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServer;
import dev.ecsdashboard.support.MotoServerExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Nothing is lost when the dashboard dies in the middle of a bulk stop. The packaged dashboard runs
 * as its own process against moto_server (whose ECS state outlives the dashboard), stops one task
 * and then starts a bulk stop of many; as soon as ECS reports a task of the bulk stopped, the
 * process is killed with SIGKILL, then started again. Afterwards every task ECS reports stopped has
 * an audit record, no record is left open, tasks whose StopTask was never sent read "not sent" and
 * only a task whose StopTask may have been in flight reads "outcome unknown", the bulk stop's
 * result page and API account for all its tasks, and the stop made before the crash is intact, with
 * its tags. Once with the embedded H2 file, once with PostgreSQL.
 */
@ExtendWith(MotoServerExtension.class)
class AuditSurvivesCrashIT {

  private static final int TASKS = 120;
  private static final String PG = PostgresTestServer.URL;

  @TempDir Path directory;

  @Test
  void aKilledBulkStopLosesNoRecordWithTheEmbeddedH2File(MotoServer moto) throws Exception {
    String url = AuditDatabaseLocation.url(directory);
    Result result =
        crashInTheMiddleOfABulkStop(moto, List.of("--dashboard.audit.directory=" + directory));
    SingleConnectionDataSource h2 = new SingleConnectionDataSource(url, true);
    try {
      check(moto, result, JdbcClient.create(h2), "H2 file");
    } finally {
      h2.destroy();
    }
  }

  @Test
  void aKilledBulkStopLosesNoRecordWithPostgres(MotoServer moto) throws Exception {
    String user = PostgresTestServer.user("The crash test on PostgreSQL");
    String schema = "crash_it_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(PG, user, "")) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    String url = PG + "?currentSchema=" + schema;
    SingleConnectionDataSource pg = new SingleConnectionDataSource(url, user, "", true);
    try {
      Result result =
          crashInTheMiddleOfABulkStop(
              moto,
              List.of(
                  "--spring.datasource.url=" + url,
                  "--spring.datasource.username=" + user,
                  "--spring.flyway.schemas=" + schema));
      check(moto, result, JdbcClient.create(pg), "PostgreSQL");
    } finally {
      pg.destroy();
      try (Connection c = DriverManager.getConnection(PG, user, "")) {
        c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** What happened before the crash. */
  private record Result(
      String cluster,
      Task witness,
      List<String> bulk,
      int stoppedAtKill,
      String batchId,
      String resultPage,
      String api) {}

  private Result crashInTheMiddleOfABulkStop(MotoServer moto, List<String> database)
      throws Exception {
    MotoEcs ecs = moto.ecs();
    String cluster = MotoEcs.uniqueName("crash");
    ecs.createCluster(cluster);
    String definition = ecs.registerTaskDefinition(cluster);
    Task witness =
        ecs.runTasks(cluster, definition, 1, r -> r.tags(MotoEcs.tag("team", "payments"))).get(0);
    List<String> bulk = ecs.runTasks(cluster, definition, TASKS).stream().map(t -> id(t)).toList();

    List<String> arguments = new ArrayList<>(database);
    for (String property : moto.dashboardPropertyValues()) {
      arguments.add("--" + property);
    }
    arguments.addAll(
        List.of(
            "--spring.profiles.active=demo",
            "--dashboard.ecs.request-timeout=180s",
            "--dashboard.stop.bulk.concurrency=1",
            "--dashboard.audit.heartbeat=1s",
            "--dashboard.audit.stale-after=3s"));
    Path log = directory.resolve("dashboard.log");
    DashboardProcess first = DashboardProcess.start(log, arguments);
    int stoppedAtKill;
    String batchId;
    try {
      first.signIn("operator", "operator");
      String witnessPage = "/clusters/" + cluster + "/tasks/" + id(witness);
      HttpResponse<String> stopped =
          first.postForm(
              witnessPage + "/stop", Map.of("reason", "before the crash"), witnessPage + "/stop");
      assertThat(stopped.statusCode()).as(first.logTail()).isEqualTo(302);

      HttpResponse<String> started =
          first.postForm(
              "/clusters/" + cluster + "/bulk-stop",
              Map.of("task", bulk, "reason", "crash drill"),
              "/clusters/" + cluster + "/bulk-stop?task=" + bulk.get(0));
      assertThat(started.statusCode()).as(first.logTail()).isEqualTo(302);
      String location = started.headers().firstValue("Location").orElseThrow();
      batchId = location.substring(location.lastIndexOf('/') + 1);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> stoppedIds(ecs, cluster).size() > 1);
      first.kill();
      stoppedAtKill = stoppedIds(ecs, cluster).size() - 1;
    } catch (RuntimeException | AssertionError e) {
      first.kill();
      throw e;
    }
    System.out.printf(
        "Crash drill: killed the dashboard with %d of %d bulk stops done at ECS%n",
        stoppedAtKill, TASKS);
    // Started again: the recovery at start-up marks what the dead process left open.
    try (DashboardProcess second = DashboardProcess.start(log, arguments)) {
      second.signIn("operator", "operator");
      assertThat(second.get("/activity").statusCode()).isEqualTo(200);
      HttpResponse<String> page = second.get("/clusters/" + cluster + "/bulk-stop/" + batchId);
      assertThat(page.statusCode()).isEqualTo(200);
      HttpResponse<String> api =
          second.getWithBasic("/api/v1/tasks/stop-batch/" + batchId, "operator", "operator");
      assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
      return new Result(cluster, witness, bulk, stoppedAtKill, batchId, page.body(), api.body());
    }
  }

  private static void check(MotoServer moto, Result result, JdbcClient audit, String database) {
    Set<String> stoppedAtEcs = stoppedIds(moto.ecs(), result.cluster());
    List<Map<String, Object>> records =
        audit
            .sql(
                "SELECT task_arn, outcome, task_tags, reason_sent FROM stop_audit WHERE cluster = ?")
            .param(result.cluster())
            .query()
            .listOfRows();
    Map<String, String> outcomes =
        records.stream()
            .collect(
                Collectors.toMap(
                    r -> lastPart((String) r.get("task_arn")), r -> (String) r.get("outcome")));

    assertThat(outcomes.keySet())
        .as("a record for every task ECS stopped")
        .containsAll(stoppedAtEcs);
    assertThat(outcomes.values()).as("no record left open").doesNotContain("PENDING");
    outcomes.forEach(
        (task, outcome) -> {
          if ("STOPPED".equals(outcome)) {
            assertThat(stoppedAtEcs).as("recorded stopped: %s", task).contains(task);
          }
        });
    assertThat(outcomes).containsEntry(id(result.witness()), "STOPPED");
    assertThat(records)
        .filteredOn(r -> lastPart((String) r.get("task_arn")).equals(id(result.witness())))
        .singleElement()
        .satisfies(r -> assertThat((String) r.get("task_tags")).contains("payments"))
        .satisfies(
            r -> assertThat((String) r.get("reason_sent")).isEqualTo("operator: before the crash"));
    Map<String, Boolean> sent =
        audit
            .sql("SELECT task, stop_sent FROM bulk_stop_task WHERE batch_id = ?")
            .param(result.batchId())
            .query((rs, row) -> Map.entry(lastPart(rs.getString(1)), rs.getBoolean(2)))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(result.bulk());
    assertThat(outcomes.keySet())
        .as("a record for every task of the bulk stop")
        .containsAll(result.bulk());
    outcomes.forEach(
        (task, outcome) -> {
          if ("NOT_SENT".equals(outcome)) {
            assertThat(stoppedAtEcs).as("recorded not sent: %s", task).doesNotContain(task);
            assertThat(sent).as("not sent: %s", task).containsEntry(task, false);
          }
          if ("UNKNOWN".equals(outcome)) {
            assertThat(sent).as("outcome unknown: %s", task).containsEntry(task, true);
          }
        });
    long unknown = outcomes.values().stream().filter("UNKNOWN"::equals).count();
    long notSent = outcomes.values().stream().filter("NOT_SENT"::equals).count();
    // One StopTask at a time (concurrency 1): at most one can have been in flight.
    assertThat(unknown).as("outcome unknown").isLessThanOrEqualTo(1);
    assertThat(notSent).as("not sent").isPositive();
    assertThat(result.resultPage().split("data-outcome=\"", -1))
        .as("the result page lists every task")
        .hasSize(TASKS + 1);
    assertThat(result.resultPage()).doesNotContain("data-outcome=\"WAITING\"");
    assertThat(result.api().split("\"outcome\":", -1))
        .as("the API lists every task")
        .hasSize(TASKS + 1);
    assertThat(result.api())
        .contains("\"done\":true")
        .contains("\"WAITING\":0")
        .doesNotContain("\"outcome\":\"WAITING\"");
    System.out.printf(
        "Crash drill (%s): %d of %d bulk stops done at the kill, %d tasks stopped at ECS, %d audit"
            + " records, %d not sent, %d marked outcome unknown, none open; the result page and"
            + " API list all %d tasks; the stop before the crash intact%n",
        database,
        result.stoppedAtKill(),
        TASKS,
        stoppedAtEcs.size(),
        records.size(),
        notSent,
        unknown,
        TASKS);
  }

  private static Set<String> stoppedIds(MotoEcs ecs, String cluster) {
    return ecs
        .client()
        .listTasksPaginator(r -> r.cluster(cluster).desiredStatus(DesiredStatus.STOPPED))
        .taskArns()
        .stream()
        .map(AuditSurvivesCrashIT::lastPart)
        .collect(Collectors.toSet());
  }

  private static String id(Task task) {
    return lastPart(task.taskArn());
  }

  private static String lastPart(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
