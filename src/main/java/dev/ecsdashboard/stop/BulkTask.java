package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.TaskRef;

/** One task of a bulk stop and its outcome so far. Updated by the bulk runner's threads. */
public final class BulkTask {

  private final TaskRef ref;
  private volatile String taskArn;
  private volatile BulkTaskState state = BulkTaskState.WAITING;
  private volatile String errorCode;
  private volatile String message;
  private volatile int attempts;
  private volatile Long auditId;
  private volatile boolean checkFirst;

  BulkTask(TaskRef ref) {
    this.ref = ref;
  }

  public String taskId() {
    return ref.id();
  }

  /** The task's ARN once ECS described it, its ID before. */
  public String taskArn() {
    return taskArn == null ? ref.id() : taskArn;
  }

  public BulkTaskState state() {
    return state;
  }

  /** ECS's error code (or the dashboard's) when the stop failed or waits after an error. */
  public String errorCode() {
    return errorCode;
  }

  public String message() {
    return message;
  }

  /** StopTask calls made by the bulk runner (each may hold several SDK attempts). */
  public int attempts() {
    return attempts;
  }

  TaskRef ref() {
    return ref;
  }

  Long auditId() {
    return auditId;
  }

  void described(String arn) {
    this.taskArn = arn;
  }

  void opened(long id) {
    this.auditId = id;
  }

  void calling() {
    attempts++;
  }

  boolean checkFirst() {
    return checkFirst;
  }

  void waiting(String errorCode, String message, boolean checkFirst) {
    this.errorCode = errorCode;
    this.message = message;
    this.checkFirst = checkFirst;
  }

  /** Sets the outcome once; false when the task had its outcome already. */
  synchronized boolean finish(BulkTaskState state, String errorCode, String message) {
    if (this.state.isDone()) {
      return false;
    }
    this.errorCode = errorCode;
    this.message = message;
    this.state = state;
    return true;
  }
}
