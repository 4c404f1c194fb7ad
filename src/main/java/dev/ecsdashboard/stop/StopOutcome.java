package dev.ecsdashboard.stop;

/** What a stop came to, as the service reports it. */
public enum StopOutcome {
  /** ECS accepted the stop. */
  STOPPED,
  /** The task had already been stopped or was stopping: nothing was sent. */
  ALREADY_STOPPED,
  /** A dry run: everything was checked, nothing was sent. */
  WOULD_STOP
}
