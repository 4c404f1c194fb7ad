package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsDeadline;
import dev.ecsdashboard.ecs.EcsTimeBudgetException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request's time budget for ECS calls ({@link EcsDeadline}) as the template applies it. */
class DemoTimeBudgetTest {

  private static final String ID = "0123456789abcdef0123456789abcdef";

  private final DemoFixture demo =
      new DemoFixture(DemoFixture.properties(Duration.ofSeconds(10), Duration.ofSeconds(30), 4));

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void sendsNoCallOnceTheBudgetIsUsedUp() {
    try (EcsDeadline deadline = EcsDeadline.start(Duration.ZERO)) {
      assertThatThrownBy(() -> demo.template.describeTask(TaskRef.parse("default", ID)))
          .isInstanceOf(EcsTimeBudgetException.class)
          .hasMessageContaining("DescribeTasks");
      assertThatThrownBy(() -> demo.template.stopTask(TaskRef.parse("default", ID), "r"))
          .isInstanceOf(EcsTimeBudgetException.class);
    }
    assertThat(demo.http.callCounts()).isEmpty();
    assertThat(demo.http.stopTaskCalls()).isEmpty();
  }

  @Test
  void cutsAHangingCallAtWhatIsLeftOfTheBudgetRatherThanTheCallTimeout() {
    demo.http.setFaults(DemoFaults.NONE.withHangRate(1));
    long start = System.nanoTime();
    try (EcsDeadline deadline = EcsDeadline.start(Duration.ofMillis(500))) {
      assertThatThrownBy(
              () ->
                  demo.template.listTasks(
                      ClusterRef.of("default"), TaskQuery.ALL_RUNNING, null, 100))
          .isInstanceOf(EcsUnavailableException.class);
    }
    // The call timeout is 30 s and the attempt timeout 10 s: only the budget can end it this soon.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void leavesCallsWithoutABudgetToTheSdkTimeouts() {
    assertThat(
            demo.template
                .listTasks(ClusterRef.of("staging-batch"), TaskQuery.ALL_RUNNING, null, 100)
                .taskArns())
        .isNotEmpty();
  }
}
