package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.StaleReads;
import dev.ecsdashboard.ecs.TaskRef;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One StopTask call and what it came to. When ECS's answer was lost (a timeout, a server error) the
 * stop may or may not have happened, so the task is described before anyone decides to call again:
 * that is how no task is stopped twice.
 */
final class StopCall {

  /** What a call came to. */
  enum Kind {
    /** ECS stopped the task with our reason. */
    STOPPED,
    /** The task was stopped, but not by this call: ECS kept another stop's reason. */
    ALREADY_STOPPED,
    /** ECS did not stop the task and calling again is safe (throttled, or checked not stopped). */
    RETRYABLE,
    /** ECS refused the stop for good. */
    FAILED,
    /** The answer was lost and the check failed too: the task may or may not be stopped. */
    UNKNOWN
  }

  /**
   * @param kind what the call came to
   * @param task the task after the call, when known
   * @param error ECS's error, when there was one
   */
  record Result(Kind kind, Task task, EcsCallException error) {}

  private StopCall() {}

  static Result call(EcsOperations ecs, TaskRef task, String reason, boolean patient) {
    try {
      Task after = patient ? ecs.stopTaskPatiently(task, reason) : ecs.stopTask(task, reason);
      return new Result(
          lostTheRace(after, reason) ? Kind.ALREADY_STOPPED : Kind.STOPPED, after, null);
    } catch (EcsThrottledException e) {
      return new Result(Kind.RETRYABLE, null, e);
    } catch (EcsUnavailableException e) {
      return check(ecs, task, reason, e);
    } catch (EcsCallException e) {
      return new Result(Kind.FAILED, null, e);
    }
  }

  /** Describes the task to learn whether a call whose answer was lost stopped it. */
  static Result check(EcsOperations ecs, TaskRef task, String reason, EcsCallException lost) {
    Task now;
    try {
      now = StaleReads.untracked(() -> ecs.describeTask(task));
    } catch (EcsCallException e) {
      return new Result(Kind.UNKNOWN, null, lost);
    }
    if (!isStopping(now)) {
      return new Result(Kind.RETRYABLE, now, lost);
    }
    return new Result(
        Objects.equals(now.stoppedReason(), reason) ? Kind.STOPPED : Kind.ALREADY_STOPPED,
        now,
        null);
  }

  /**
   * Whether another stop reached ECS first: ECS keeps the first stop's reason, and answers a later
   * StopTask with the task as it is, that reason included.
   */
  private static boolean lostTheRace(Task after, String reason) {
    return after != null && after.stoppedReason() != null && !after.stoppedReason().equals(reason);
  }

  /** Whether ECS has been told to stop the task already (it may not have stopped yet). */
  static boolean isStopping(Task task) {
    return "STOPPED".equals(task.desiredStatus())
        || "STOPPED".equals(task.lastStatus())
        || "DELETED".equals(task.lastStatus());
  }
}
