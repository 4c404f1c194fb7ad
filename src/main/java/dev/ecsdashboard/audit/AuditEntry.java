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
 * @param taskCount how many tasks the request named: 1, except for a request refused as a whole
 */
public record AuditEntry(
    long id,
    Instant startedAt,
    Instant completedAt,
    StopAttempt attempt,
    AuditOutcome outcome,
    String errorCode,
    String errorMessage,
    int taskCount) {

  /** The record of one task. */
  public AuditEntry(
      long id,
      Instant startedAt,
      Instant completedAt,
      StopAttempt attempt,
      AuditOutcome outcome,
      String errorCode,
      String errorMessage) {
    this(id, startedAt, completedAt, attempt, outcome, errorCode, errorMessage, 1);
  }

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

  /**
   * The task ID: the last part of the ARN; null when the record names no single task (a request
   * refused as a whole).
   */
  public String taskId() {
    String arn = attempt.taskArn();
    return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
  }
}
