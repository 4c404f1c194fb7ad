package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.TaskRef;
import software.amazon.awssdk.services.ecs.model.Task;

/** One task of a bulk stop and its outcome so far. Updated by the bulk runner's threads. */
public final class BulkTask {

  private final int index;
  private final TaskRef ref;
  private volatile Task before;
  private volatile String taskArn;
  private volatile BulkTaskState state = BulkTaskState.WAITING;
  private volatile String errorCode;
  private volatile String message;
  private volatile int attempts;
  private volatile int failedAttempts;
  private volatile boolean sent;
  private volatile Long auditId;
  private volatile boolean checkFirst;

  BulkTask(int index, TaskRef ref) {
    this.index = index;
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

  /** The task's place in its bulk stop, from 0. */
  int index() {
    return index;
  }

  TaskRef ref() {
    return ref;
  }

  /** The task as described before the stop (its group and tags go into the record). */
  Task before() {
    return before;
  }

  Long auditId() {
    return auditId;
  }

  void described(Task task) {
    this.before = task;
    this.taskArn = task.taskArn();
  }

  void describedAs(String arn) {
    this.taskArn = arn;
  }

  void opened(long id) {
    this.auditId = id;
  }

  void calling() {
    attempts++;
  }

  /** Counts a call that failed other than by throttling; returns how many have. */
  int failedAttempt() {
    return ++failedAttempts;
  }

  /** Whether a StopTask of this task reached ECS other than throttled (it may have acted). */
  boolean sent() {
    return sent;
  }

  void reachedEcs() {
    this.sent = true;
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
