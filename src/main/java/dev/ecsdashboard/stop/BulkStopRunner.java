package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.BulkStopLedger;
import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Runs bulk stops in the background with bounded concurrency: a few worker threads for every bulk
 * stop together. It describes the tasks in batches of 100 first (their group and tags go into the
 * audit records), then stops each with the SDK's patient retries, opening a task's record of intent
 * just before its StopTask. A call still throttled when the SDK gives up is re-queued with a
 * growing wait, never dropped, until the deadline. A call that failed otherwise (its answer lost, a
 * server error) is checked with a describe before it is tried again, so no task is stopped twice,
 * and is tried at most {@code dashboard.stop.bulk.max-attempts} times.
 */
class BulkStopRunner implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(BulkStopRunner.class);

  private final EcsOperations ecs;
  private final BulkRecords records;
  private final StopProperties.Bulk properties;
  private final Clock clock;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;

  BulkStopRunner(
      EcsOperations ecs,
      AuditStore audit,
      BulkStopLedger ledger,
      StopProperties.Bulk properties,
      Clock clock) {
    this.ecs = ecs;
    this.records = new BulkRecords(audit, ledger);
    this.properties = properties;
    this.clock = clock;
    this.workers =
        Executors.newFixedThreadPool(
            properties.concurrency(), new CustomizableThreadFactory("bulk-stop-"));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("bulk-retry-"));
  }

  void run(BulkStop batch) {
    workers.execute(() -> describe(batch, 1));
  }

  private void describe(BulkStop batch, int round) {
    List<BulkTask> queued = new ArrayList<>();
    try {
      describeAndRecord(batch, round, queued);
    } catch (RuntimeException e) {
      // The audit store failed: no stop goes out without its record.
      log.error("Bulk stop {}: could not prepare the stops", batch.id(), e);
      batch.tasks().forEach(t -> BulkRecords.unrecorded(batch, t, e));
      return;
    }
    queued.forEach(task -> workers.execute(() -> guarded(batch, task, 1)));
  }

  /** Records the tasks whose outcome is known without a StopTask, and collects the others. */
  private void describeAndRecord(BulkStop batch, int round, List<BulkTask> queued) {
    BulkDescription described;
    try {
      described = BulkDescription.of(ecs, batch);
    } catch (EcsThrottledException e) {
      if (!pastDeadline(batch)) {
        later(round, () -> describe(batch, round + 1));
        return;
      }
      batch.tasks().forEach(t -> records.failed(batch, t, e));
      return;
    } catch (EcsCallException e) {
      batch.tasks().forEach(t -> records.failed(batch, t, e));
      return;
    }
    for (BulkTask task : batch.tasks()) {
      Task before = described.task(task);
      if (before == null) {
        records.complete(
            batch, task, AuditOutcome.FAILED, described.failure(task), BulkDescription.MISSING);
      } else if (StopCall.isStopping(before)) {
        task.described(before);
        records.complete(
            batch,
            task,
            AuditOutcome.ALREADY_STOPPED,
            null,
            StopService.alreadyStoppedNote(before));
      } else {
        task.described(before);
        queued.add(task);
      }
    }
  }

  /** One round of a task's stop; whatever goes wrong, the task gets an outcome. */
  private void guarded(BulkStop batch, BulkTask task, int round) {
    try {
      stop(batch, task, round);
    } catch (RuntimeException e) {
      log.error("Bulk stop {}: unexpected failure stopping {}", batch.id(), task.taskId(), e);
      BulkTaskState state = task.sent() ? BulkTaskState.UNKNOWN : BulkTaskState.FAILED;
      batch.finished(task, state, e.getClass().getSimpleName(), e.getMessage());
    }
  }

  private void stop(BulkStop batch, BulkTask task, int round) {
    StopCall.Result result =
        task.checkFirst() ? StopCall.check(ecs, task.ref(), batch.reasonSent(), null) : null;
    if (result == null || result.kind() == StopCall.Kind.RETRYABLE) {
      records.sending(batch, task);
      task.calling();
      try {
        result = StopCall.call(ecs, task.ref(), batch.reasonSent(), true);
      } catch (RuntimeException e) {
        log.error("Bulk stop {}: unexpected failure stopping {}", batch.id(), task.taskId(), e);
        records.complete(
            batch, task, AuditOutcome.UNKNOWN, e.getClass().getSimpleName(), e.getMessage());
        return;
      }
    }
    EcsCallException error = result.error();
    switch (result.kind()) {
      case STOPPED -> records.complete(batch, task, AuditOutcome.STOPPED, null, null);
      case ALREADY_STOPPED ->
          records.complete(
              batch,
              task,
              AuditOutcome.ALREADY_STOPPED,
              null,
              StopService.alreadyStoppedNote(result.task()));
      case FAILED ->
          records.complete(batch, task, AuditOutcome.FAILED, code(error), message(error));
      case RETRYABLE, UNKNOWN -> retryOrGiveUp(batch, task, result, round);
    }
  }

  /**
   * Throttling is re-queued until the deadline (the call did not happen); any other failure is
   * tried again at most {@code max-attempts} times in all.
   */
  private void retryOrGiveUp(BulkStop batch, BulkTask task, StopCall.Result result, int round) {
    EcsCallException error = result.error();
    boolean unknown = result.kind() == StopCall.Kind.UNKNOWN;
    if (error instanceof EcsThrottledException) {
      records.notSent(batch, task);
      if (pastDeadline(batch)) {
        records.complete(
            batch,
            task,
            AuditOutcome.FAILED,
            code(error),
            "Gave up at the deadline: " + message(error));
        return;
      }
    } else {
      task.reachedEcs();
      int failures = task.failedAttempt();
      if (failures >= properties.maxAttempts() || pastDeadline(batch)) {
        records.complete(
            batch,
            task,
            unknown ? AuditOutcome.UNKNOWN : AuditOutcome.FAILED,
            code(error),
            "Gave up after " + failures + " failed attempts: " + message(error));
        return;
      }
    }
    task.waiting(code(error), message(error), unknown);
    later(round, () -> guarded(batch, task, round + 1));
  }

  private void later(int round, Runnable job) {
    long base = properties.initialBackoff().toMillis() << Math.min(round - 1, 20);
    long capped = Math.min(base, properties.maxBackoff().toMillis());
    long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    timer.schedule(() -> workers.execute(job), delay, TimeUnit.MILLISECONDS);
  }

  private boolean pastDeadline(BulkStop batch) {
    Instant deadline = batch.startedAt().plus(properties.deadline());
    return clock.instant().isAfter(deadline);
  }

  private static String code(EcsCallException e) {
    return e == null ? null : e.errorCode();
  }

  private static String message(EcsCallException e) {
    return e == null ? null : e.getMessage();
  }

  @Override
  public void destroy() throws InterruptedException {
    timer.shutdownNow();
    workers.shutdown();
    if (!workers.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
      workers.shutdownNow();
    }
  }
}
