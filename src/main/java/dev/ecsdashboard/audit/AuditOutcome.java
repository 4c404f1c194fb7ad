package dev.ecsdashboard.audit;

/** What became of a stop attempt, as the audit trail records it. */
public enum AuditOutcome {
  /** Intent written, the ECS call not answered yet. */
  PENDING,
  /** ECS accepted the stop. */
  STOPPED,
  /** The task had already been stopped (or was stopping): nothing was sent to ECS. */
  ALREADY_STOPPED,
  /** ECS rejected the stop or could not be reached; the error code and message say why. */
  FAILED,
  /** The access rule refused the stop; nothing was sent to ECS. */
  REFUSED,
  /**
   * The process ended between the record of intent and ECS's answer: the StopTask may have been
   * sent, and the task may or may not be stopped.
   */
  UNKNOWN,
  /**
   * The process running a bulk stop ended before this task's StopTask was sent: the bulk stop did
   * not stop it.
   */
  NOT_SENT;

  /** Whether the attempt is still waiting for ECS's answer. */
  public boolean isOpen() {
    return this == PENDING;
  }
}
