package dev.ecsdashboard.stop;

/** Where one task of a bulk stop stands. */
public enum BulkTaskState {
  /** Waiting for its turn (or for ECS to stop throttling). */
  WAITING(false),
  /** ECS accepted the stop. */
  STOPPED(true),
  /**
   * The task was already stopped or stopping (nothing was sent), or another stop reached ECS first
   * and ECS kept that stop's reason.
   */
  ALREADY_STOPPED(true),
  /** ECS refused or could not be reached until the retries ran out; the error says why. */
  FAILED(true),
  /** The access rule refused the stop: nothing was sent. */
  REFUSED(true),
  /** ECS's answer was lost and could not be checked: the task may or may not be stopped. */
  UNKNOWN(true),
  /** The process running the bulk stop ended before this task's StopTask was sent. */
  NOT_SENT(true),
  /** A dry run: the task is running and would be stopped. */
  WOULD_STOP(true);

  private final boolean done;

  BulkTaskState(boolean done) {
    this.done = done;
  }

  public boolean isDone() {
    return done;
  }
}
