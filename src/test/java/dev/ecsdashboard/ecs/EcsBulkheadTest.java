package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Places among the requests waiting on ECS, as {@link EcsDeadline} takes and gives them back. */
class EcsBulkheadTest {

  final EcsBulkhead bulkhead = new EcsBulkhead(2, Duration.ZERO);

  @Test
  void aRequestTakesOnePlaceForAllItsCallsAndItsPoolWorkAndGivesItBackWhenItEnds() {
    try (EcsDeadline request = EcsDeadline.start(Duration.ofSeconds(20), bulkhead)) {
      EcsDeadline.admit("ListTasks");
      EcsDeadline.admit("DescribeTasks");
      CompletableFuture.runAsync(
              EcsDeadline.carriedOver(
                      () -> {
                        EcsDeadline.admit("DescribeTasks");
                        return null;
                      })
                  ::get)
          .join();

      assertThat(bulkhead.waiting()).isEqualTo(1);
    }

    assertThat(bulkhead.waiting()).isZero();
  }

  @Test
  void aRequestFindingEveryPlaceTakenIsRefusedAndCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    bulkhead.bindTo(registry);
    assertThat(bulkhead.enter(Duration.ZERO)).isTrue();
    assertThat(bulkhead.enter(Duration.ZERO)).isTrue();

    try (EcsDeadline request = EcsDeadline.start(Duration.ofSeconds(20), bulkhead)) {
      assertThatExceptionOfType(EcsBusyException.class)
          .isThrownBy(() -> EcsDeadline.admit("ListTasks"))
          .satisfies(e -> assertThat(e.errorCode()).isEqualTo(EcsBusyException.CODE));
    }

    assertThat(registry.get(EcsBulkhead.WAITING).gauge().value()).isEqualTo(2);
    assertThat(registry.get(EcsBulkhead.REFUSED).counter().count()).isEqualTo(1);
    bulkhead.leave();
    bulkhead.leave();
  }

  @Test
  void workLeftOnAPoolAfterItsRequestEndedTakesNoPlace() {
    EcsDeadline request = EcsDeadline.start(Duration.ofSeconds(20), bulkhead);
    java.util.function.Supplier<Object> later =
        EcsDeadline.carriedOver(
            () -> {
              EcsDeadline.admit("DescribeTasks");
              return null;
            });
    request.close();

    assertThatExceptionOfType(EcsTimeBudgetException.class).isThrownBy(later::get);
    assertThat(bulkhead.waiting()).isZero();
  }

  @Test
  void threadsWithoutARequestTakeNoPlace() {
    assertThat(bulkhead.enter(Duration.ZERO)).isTrue();
    assertThat(bulkhead.enter(Duration.ZERO)).isTrue();

    // A bulk stop's worker or the health check: bounded by their own concurrency.
    assertThatNoException().isThrownBy(() -> EcsDeadline.admit("StopTask"));
    bulkhead.leave();
    bulkhead.leave();
  }
}
