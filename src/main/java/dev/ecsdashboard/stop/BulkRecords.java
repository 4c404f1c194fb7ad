package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.StopAttempt;
import dev.ecsdashboard.ecs.EcsCallException;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Task;

/** The audit records of a bulk stop's tasks, kept in step with each task's outcome. */
final class BulkRecords {

  private final AuditStore audit;

  BulkRecords(AuditStore audit) {
    this.audit = audit;
  }

  /** Writes a task's record of intent, with its group and tags as described before the stop. */
  void open(BulkStop batch, BulkTask task, Task before) {
    task.opened(audit.open(attempt(batch, task, before)));
  }

  /** Completes a task's record of intent and gives the task its outcome. */
  void complete(BulkStop batch, BulkTask task, AuditOutcome outcome, String code, String message) {
    if (task.auditId() != null) {
      audit.complete(task.auditId(), outcome, code, message);
    }
    batch.finished(task, BulkTaskState.valueOf(outcome.name()), code, message);
  }

  /** Records a task whose outcome is known without a StopTask call. */
  void atOnce(
      BulkStop batch,
      BulkTask task,
      Task before,
      AuditOutcome outcome,
      String code,
      String message) {
    audit.record(attempt(batch, task, before), outcome, code, message);
    batch.finished(task, BulkTaskState.valueOf(outcome.name()), code, message);
  }

  /** Records a task that could not even be described. */
  void failed(BulkStop batch, BulkTask task, EcsCallException e) {
    atOnce(batch, task, null, AuditOutcome.FAILED, e.errorCode(), e.getMessage());
  }

  private static StopAttempt attempt(BulkStop batch, BulkTask task, Task before) {
    if (before != null) {
      return StopService.attempt(
          batch.id(),
          batch.user(),
          batch.cluster().name(),
          before,
          batch.reasonTyped(),
          batch.reasonSent());
    }
    return new StopAttempt(
        batch.id(),
        batch.user(),
        batch.cluster().name(),
        task.taskArn(),
        null,
        Map.of(),
        batch.reasonTyped(),
        batch.reasonSent());
  }
}
