package dev.ecsdashboard.ecs;

/** The task does not exist in ECS, or ECS no longer remembers it (stopped tasks age out). */
public class UnknownTaskException extends EcsCallException {

  private final String cluster;
  private final String task;

  public UnknownTaskException(
      String operation,
      String cluster,
      String task,
      String errorCode,
      String message,
      Throwable cause) {
    super(operation, errorCode, message, cause);
    this.cluster = cluster;
    this.task = task;
  }

  /** The cluster the task was looked for in. */
  public String cluster() {
    return cluster;
  }

  /** The task ID or ARN that was asked for. */
  public String task() {
    return task;
  }
}
