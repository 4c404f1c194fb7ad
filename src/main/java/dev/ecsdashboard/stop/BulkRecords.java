package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.BulkStopLedger;
import dev.ecsdashboard.audit.StopAttempt;
import dev.ecsdashboard.ecs.EcsCallException;
import java.util.Map;

/**
 * The audit records of a bulk stop's tasks, kept in step with each task's outcome, and the bulk
 * stop's rows in the audit database that say which tasks' StopTask may have been sent.
 */
final class BulkRecords {

  private final AuditStore audit;
  private final BulkStopLedger ledger;

  BulkRecords(AuditStore audit, BulkStopLedger ledger) {
    this.audit = audit;
    this.ledger = ledger;
  }

  /**
   * Just before a StopTask: writes the task's record of intent the first time (with its group and
   * tags as described), then marks the task's StopTask as possibly sent. A process that dies
   * between the two leaves the task "not sent", which it is.
   */
  void sending(BulkStop batch, BulkTask task) {
    if (task.auditId() == null) {
      task.opened(audit.open(attempt(batch, task), task.index()));
    }
    ledger.stopSent(batch.id(), task.index(), true);
  }

  /** ECS throttled the task's StopTask: known not to have happened, unless an earlier one might. */
  void notSent(BulkStop batch, BulkTask task) {
    if (!task.sent()) {
      ledger.stopSent(batch.id(), task.index(), false);
    }
  }

  /** Completes a task's record (written first if it has none) and gives the task its outcome. */
  void complete(BulkStop batch, BulkTask task, AuditOutcome outcome, String code, String message) {
    if (task.auditId() != null) {
      audit.complete(task.auditId(), outcome, code, message);
    } else {
      audit.record(attempt(batch, task), task.index(), outcome, code, message);
    }
    batch.finished(task, BulkTaskState.valueOf(outcome.name()), code, message);
  }

  /** Records a task that could not even be described. */
  void failed(BulkStop batch, BulkTask task, EcsCallException e) {
    complete(batch, task, AuditOutcome.FAILED, e.errorCode(), e.getMessage());
  }

  /** Gives a task its outcome without a record: the audit store itself failed. */
  static void unrecorded(BulkStop batch, BulkTask task, RuntimeException e) {
    batch.finished(task, BulkTaskState.FAILED, "AuditUnavailable", e.getMessage());
  }

  private static StopAttempt attempt(BulkStop batch, BulkTask task) {
    if (task.before() != null) {
      return StopService.attempt(
          batch.id(),
          batch.user(),
          batch.cluster().name(),
          task.before(),
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
