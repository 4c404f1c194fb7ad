package dev.ecsdashboard.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One record of the audit trail: a stop attempt and its outcome.
 *
 * @param id the record's number
 * @param startedAt when the attempt began (the record of intent)
 * @param completedAt when its outcome was known; null while pending
 * @param attempt who, which task, why, and the task as it was
 * @param outcome what became of it
 * @param errorCode ECS's error code, or the dashboard's reason for a refusal; null on success
 * @param errorMessage ECS's error message, or the dashboard's explanation; null on success
 */
public record AuditEntry(
    long id,
    Instant startedAt,
    Instant completedAt,
    StopAttempt attempt,
    AuditOutcome outcome,
    String errorCode,
    String errorMessage) {

  public String user() {
    return attempt.user();
  }

  public String cluster() {
    return attempt.cluster();
  }

  public String taskArn() {
    return attempt.taskArn();
  }

  public String batchId() {
    return attempt.batchId();
  }

  public Map<String, String> tags() {
    return attempt.tags();
  }

  /** The task ID: the last part of the ARN. */
  public String taskId() {
    String arn = attempt.taskArn();
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
