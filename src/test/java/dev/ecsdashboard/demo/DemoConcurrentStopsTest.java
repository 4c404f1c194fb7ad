package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.ecs.TaskRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;

/** Many threads on one simulated ECS, with throttling on: every task is stopped exactly once. */
class DemoConcurrentStopsTest {

  private final DemoFixture demo = new DemoFixture();

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void stopsEachTaskExactlyOnceUnderConcurrentThrottledCalls() throws Exception {
    List<String> arns =
        demo.client.listTasks(r -> r.cluster("prod-web").serviceName("search-api")).taskArns();
    demo.http.setFaults(DemoFaults.NONE.withThrottleRate(0.2));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    List<Future<Task>> stops = new ArrayList<>();
    try {
      for (String arn : arns) {
        stops.add(
            executor.submit(() -> demo.template.stopTask(TaskRef.parse(null, arn), "bulk stop")));
      }
      for (Future<Task> stop : stops) {
        assertThat(stop.get(30, TimeUnit.SECONDS).desiredStatus()).isEqualTo("STOPPED");
      }
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(arns).hasSize(24);
    assertThat(
            demo.http.stopTaskCalls().stream()
                .collect(Collectors.groupingBy(StopTaskCall::taskId, Collectors.counting())))
        .hasSize(24)
        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    assertThat(demo.http.callCount("StopTask")).isGreaterThanOrEqualTo(24);
    assertThat(
            demo.client.listTasks(r -> r.cluster("prod-web").serviceName("search-api")).taskArns())
        .isEmpty();
  }

  @Test
  void aSecondStopOfAStoppingTaskKeepsTheFirstReasonAsEcsDoes() throws Exception {
    String arn =
        demo.client
            .listTasks(r -> r.cluster("prod-web").serviceName("search-api"))
            .taskArns()
            .get(0);
    TaskRef task = TaskRef.parse(null, arn);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    List<Future<Task>> answers = new ArrayList<>();
    try {
      for (String reason : List.of("alice: first", "bob: second")) {
        answers.add(executor.submit(() -> demo.template.stopTask(task, reason)));
      }
      List<String> kept = new ArrayList<>();
      for (Future<Task> answer : answers) {
        kept.add(answer.get(30, TimeUnit.SECONDS).stoppedReason());
      }
      // Whichever came first, both answers carry its reason, and so does the task.
      assertThat(kept)
          .hasSize(2)
          .containsOnly(kept.get(0))
          .containsAnyOf("alice: first", "bob: second");
      assertThat(demo.client.describeTasks(r -> r.cluster("prod-web").tasks(arn)).tasks())
          .singleElement()
          .extracting(Task::stoppedReason)
          .isEqualTo(kept.get(0));
    } finally {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(demo.http.stopTaskCalls()).hasSize(2);
  }
}
