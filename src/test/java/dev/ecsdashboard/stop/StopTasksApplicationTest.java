package dev.ecsdashboard.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditFilter;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import dev.ecsdashboard.demo.DemoTestHooks;
import dev.ecsdashboard.demo.StopTaskCall;
import dev.ecsdashboard.support.DemoAppTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.ecs.model.Task;

/** Stopping tasks in the whole dashboard against the demo ECS, as an operator would. */
@DemoAppTest
class StopTasksApplicationTest {

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient http;
  @Autowired AuditStore audit;

  @Test
  void anOperatorStopsATaskWithAReasonAndTheActivityPageKeepsItsTags() throws Exception {
    Task task = runningTaskWithTags("default");
    String id = id(task);
    Map<String, String> tags =
        task.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));

    mvc.perform(stop("default", id, "draining node for patching"))
        .andExpect(status().is3xxRedirection());

    // The task page follows the stop: it reloads itself until ECS reports STOPPED.
    String page = taskPage("default", id);
    if (!"STOPPED".equals(DemoTestHooks.task(demo, id).orElseThrow().lastStatus())) {
      assertThat(page).contains("http-equiv=\"refresh\"").contains("Stop progress");
    }
    String finalPage =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> taskPage("default", id), p -> !p.contains("http-equiv=\"refresh\""));
    assertThat(finalPage)
        .contains("operator: draining node for patching")
        .contains("class=\"current\">STOPPED</li>")
        .doesNotContain("Stop task…");
    Task stopped = DemoTestHooks.task(demo, id).orElseThrow();
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedReason()).isEqualTo("operator: draining node for patching");
    assertThat(stopped.tags()).isEmpty();

    AuditEntry record =
        audit.findAll(AuditFilter.ALL.withUser("operator")).stream()
            .filter(r -> r.taskId().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(record.outcome()).isEqualTo(AuditOutcome.STOPPED);
    assertThat(record.tags()).isEqualTo(tags);
    String firstTag = tags.keySet().iterator().next();
    mvc.perform(get("/activity").with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(id)))
        .andExpect(content().string(containsString("<code>" + firstTag + "</code>")))
        .andExpect(content().string(containsString("operator: draining node for patching")));
  }

  @Test
  void rejectedReasonsMakeNoEcsCallAtAll() throws Exception {
    String id = id(runningTaskWithTags("staging-batch"));
    for (String reason : List.of("", "     ", "bell\u0007", "x".repeat(246))) {
      long before = totalCalls();

      mvc.perform(stop("staging-batch", id, reason))
          .andExpect(status().isUnprocessableContent())
          .andExpect(content().string(containsString("class=\"errors\"")));

      assertThat(totalCalls()).as("ECS calls for reason %s", reason).isEqualTo(before);
    }
    assertThat(DemoTestHooks.task(demo, id).orElseThrow().desiredStatus()).isEqualTo("RUNNING");
  }

  @Test
  void aBulkStopOfFiftyTasksUnderThrottlingStopsEachExactlyOnce() throws Exception {
    List<String> ids =
        demo.tasks("prod-web").stream()
            .filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()))
            .limit(50)
            .map(StopTasksApplicationTest::id)
            .toList();
    assertThat(ids).hasSize(50);
    DemoFaults faults = http.faults();
    long callsBefore = http.callCount("StopTask");
    long started = System.nanoTime();
    String batchId;
    try {
      http.setFaults(faults.withThrottleRate(0.3));
      MockHttpServletRequestBuilder request =
          post("/clusters/prod-web/bulk-stop")
              .param("reason", "rolling restart")
              .with(csrf())
              .with(user("operator").roles("OPERATOR"));
      ids.forEach(id -> request.param("task", id));
      String location =
          mvc.perform(request)
              .andExpect(status().is3xxRedirection())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      batchId = location.substring(location.lastIndexOf('/') + 1);

      List<AuditEntry> records =
          await()
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> audit.findAll(AuditFilter.batch(batchId)),
                  r -> r.size() == 50 && r.stream().noneMatch(e -> e.outcome().isOpen()));
      assertThat(records).allMatch(r -> r.outcome() == AuditOutcome.STOPPED);
    } finally {
      http.setFaults(faults);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    Map<String, Long> handled =
        http.stopTaskCalls().stream()
            .filter(c -> ids.contains(c.taskId()))
            .collect(Collectors.groupingBy(StopTaskCall::taskId, Collectors.counting()));
    assertThat(handled).hasSize(50).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    System.out.printf(
        "Bulk stop of 50 tasks with 30%% of calls throttled: %d StopTask calls received, 50"
            + " handled, %d ms%n",
        http.callCount("StopTask") - callsBefore, millis);

    mvc.perform(
            get("/clusters/prod-web/bulk-stop/" + batchId).with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("STOPPED</span>: <strong>50</strong>")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("http-equiv"))));
    awaitReplacements("prod-web");
  }

  @Test
  void aViewerIsRefusedEveryStopWhateverElseIsWrongWithIt() throws Exception {
    String id = id(runningTaskWithTags("default"));
    long before = http.callCount("StopTask");

    mvc.perform(
            post("/clusters/default/tasks/{t}/stop", id)
                .param("reason", "bell\u0007")
                .with(csrf())
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/clusters/default/tasks/{t}/stop", "not-a-task")
                .param("reason", "")
                .param("dryRun", "true")
                .with(csrf())
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isForbidden());
    mvc.perform(allMatchingNothing().with(user("viewer").roles("VIEWER")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/clusters/default/bulk-stop")
                .param("task", "<script>", id)
                .param("reason", "")
                .with(csrf())
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isForbidden());

    assertThat(http.callCount("StopTask")).isEqualTo(before);
  }

  @Test
  void stoppingAllMatchingWhenNothingMatchesSaysSoAndStartsNothing() throws Exception {
    long before = http.callCount("StopTask");

    mvc.perform(allMatchingNothing().with(user("operator").roles("OPERATOR")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().string(containsString("No task matches this filter; nothing was stopped.")));

    assertThat(http.callCount("StopTask")).isEqualTo(before);
  }

  @Test
  void aStopFormWithAFieldItDoesNotHaveStopsNothing() throws Exception {
    String id = id(runningTaskWithTags("default"));
    long before = http.callCount("StopTask");

    mvc.perform(stop("default", id, "patching").param("dryRun", "true"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/clusters/default/bulk-stop")
                .param("task", id)
                .param("task[300]", id)
                .param("reason", "cleanup")
                .with(csrf())
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("nothing was stopped")));

    assertThat(http.callCount("StopTask")).isEqualTo(before);
    assertThat(DemoTestHooks.task(demo, id).orElseThrow().desiredStatus()).isEqualTo("RUNNING");
  }

  @Test
  void theTasksPageOffersBulkStopsToOperatorsOnly() throws Exception {
    mvc.perform(get("/clusters/default/tasks").with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("form=\"bulk-stop\"")))
        .andExpect(content().string(containsString("Stop all matching this filter")));
    mvc.perform(get("/clusters/default/tasks").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("bulk-stop"))));
  }

  private String taskPage(String cluster, String id) throws Exception {
    return mvc.perform(
            get("/clusters/{c}/tasks/{t}", cluster, id).with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private void awaitReplacements(String cluster) {
    // The services start replacements; wait for them so later tests see the seeded counts.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                demo.tasks(cluster).stream()
                    .filter(t -> "RUNNING".equals(t.desiredStatus()))
                    .allMatch(t -> "RUNNING".equals(t.lastStatus())));
  }

  private long totalCalls() {
    return http.totalCallCount();
  }

  private Task runningTaskWithTags(String cluster) {
    return demo.tasks(cluster).stream()
        .filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()))
        .filter(Task::hasTags)
        .filter(t -> !t.tags().isEmpty())
        .findFirst()
        .orElseThrow();
  }

  /** "Stop all matching" with a filter no task matches, the cluster name typed as asked. */
  private static MockHttpServletRequestBuilder allMatchingNothing() {
    return post("/clusters/default/bulk-stop")
        .param("all", "true")
        .param("family", "no-such-family")
        .param("reason", "cleanup")
        .param("confirmCluster", "default")
        .with(csrf());
  }

  private static MockHttpServletRequestBuilder stop(String cluster, String id, String reason) {
    return post("/clusters/{c}/tasks/{t}/stop", cluster, id)
        .param("reason", reason)
        .with(csrf())
        .with(user("operator").roles("OPERATOR"));
  }

  private static String id(Task task) {
    return task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
  }
}
