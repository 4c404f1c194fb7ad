package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import dev.ecsdashboard.ecs.EcsThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Runs bulk stops in the background with bounded concurrency: a few worker threads for every bulk
 * stop together. It describes the tasks in batches of 100 first (their group and tags go into the
 * audit records), then stops each with the SDK's patient retries. A call still throttled when the
 * SDK gives up is re-queued with a growing wait, never dropped, until the deadline; a call whose
 * answer was lost is checked with a describe before it is tried again, so no task is stopped twice.
 */
class BulkStopRunner implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(BulkStopRunner.class);

  private final EcsOperations ecs;
  private final BulkRecords records;
  private final StopProperties.Bulk properties;
  private final Clock clock;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;

  BulkStopRunner(EcsOperations ecs, AuditStore audit, StopProperties.Bulk properties, Clock clock) {
    this.ecs = ecs;
    this.records = new BulkRecords(audit);
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
    try {
      describeAndQueue(batch, round);
    } catch (RuntimeException e) {
      // The audit store failed: no stop goes out without its record of intent.
      log.error("Bulk stop {}: could not prepare the stops", batch.id(), e);
      for (BulkTask task : batch.tasks()) {
        if (task.auditId() == null) {
          batch.finished(task, BulkTaskState.FAILED, "AuditUnavailable", e.getMessage());
        }
      }
    }
  }

  private void describeAndQueue(BulkStop batch, int round) {
    List<String> ids = batch.tasks().stream().map(BulkTask::taskId).toList();
    DescribedTasks described;
    try {
      described = ecs.describeTasks(batch.cluster(), ids);
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
    Map<String, Task> byId = new HashMap<>();
    described.tasks().forEach(t -> byId.put(idOf(t.taskArn()), t));
    Map<String, Failure> failures = new HashMap<>();
    described.failures().forEach(f -> failures.put(idOf(f.arn()), f));
    for (BulkTask task : batch.tasks()) {
      Task before = byId.get(task.taskId());
      if (before == null) {
        Failure failure = failures.get(task.taskId());
        String code = failure == null ? "MISSING" : failure.reason();
        records.atOnce(
            batch, task, null, AuditOutcome.FAILED, code, "ECS does not know this task.");
      } else if (StopCall.isStopping(before)) {
        task.described(before.taskArn());
        records.atOnce(
            batch,
            task,
            before,
            AuditOutcome.ALREADY_STOPPED,
            null,
            StopService.alreadyStoppedNote(before));
      } else {
        task.described(before.taskArn());
        records.open(batch, task, before);
        workers.execute(() -> stop(batch, task, 1));
      }
    }
  }

  private void stop(BulkStop batch, BulkTask task, int round) {
    StopCall.Result result;
    try {
      if (task.checkFirst()) {
        result = StopCall.check(ecs, task.ref(), batch.reasonSent(), null);
      } else {
        result = null;
      }
      if (result == null || result.kind() == StopCall.Kind.RETRYABLE) {
        task.calling();
        result = StopCall.call(ecs, task.ref(), batch.reasonSent(), true);
      }
    } catch (RuntimeException e) {
      log.error("Bulk stop {}: unexpected failure stopping {}", batch.id(), task.taskId(), e);
      records.complete(
          batch, task, AuditOutcome.UNKNOWN, e.getClass().getSimpleName(), e.getMessage());
      return;
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
      case RETRYABLE, UNKNOWN -> {
        boolean unknown = result.kind() == StopCall.Kind.UNKNOWN;
        if (pastDeadline(batch)) {
          AuditOutcome outcome = unknown ? AuditOutcome.UNKNOWN : AuditOutcome.FAILED;
          records.complete(
              batch, task, outcome, code(error), "Gave up at the deadline: " + message(error));
        } else {
          task.waiting(code(error), message(error), unknown);
          later(round, () -> stop(batch, task, round + 1));
        }
      }
    }
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

  private static String idOf(String arn) {
    return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
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
