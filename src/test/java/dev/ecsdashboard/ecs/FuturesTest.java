package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Waiting for work on other threads: as a direct call would, and within the request's time. */
class FuturesTest {

  @Test
  void aRequestWaitsForWorkOnAnotherThreadNoLongerThanItsTime() {
    CompletableFuture<String> never = new CompletableFuture<>();
    long start = System.nanoTime();

    try (EcsDeadline request = EcsDeadline.start(Duration.ofMillis(100))) {
      assertThatExceptionOfType(EcsTimeBudgetException.class)
          .isThrownBy(() -> Futures.join(never, "DescribeTasks"))
          .withMessageContaining("while waiting for DescribeTasks");
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aDoneAnswerIsTakenEvenWhenTheTimeIsUsedUp() {
    try (EcsDeadline request = EcsDeadline.start(Duration.ZERO)) {
      assertThat(Futures.join(CompletableFuture.completedFuture("done"), "ListTasks"))
          .isEqualTo("done");
    }
  }

  @Test
  void rethrowsTheWorksExceptionAsThrown() {
    UnknownClusterException thrown =
        new UnknownClusterException("ListTasks", "c", "ClusterNotFoundException", "gone", null);

    assertThatExceptionOfType(UnknownClusterException.class)
        .isThrownBy(() -> Futures.join(CompletableFuture.failedFuture(thrown), "ListTasks"))
        .isSameAs(thrown);
    try (EcsDeadline request = EcsDeadline.start(Duration.ofSeconds(5))) {
      assertThatExceptionOfType(UnknownClusterException.class)
          .isThrownBy(() -> Futures.join(CompletableFuture.failedFuture(thrown), "ListTasks"))
          .isSameAs(thrown);
    }
  }
}
