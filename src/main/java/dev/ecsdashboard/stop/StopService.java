package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.StopAttempt;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.StaleReads;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Stops one task, for the pages and the REST API alike: checks the access rule first, then the
 * input and the reason, describes the task (its group and tags go into the audit record, since ECS
 * deletes the tags), writes the record of intent, calls StopTask, and completes the record.
 * Refusals and ECS failures are recorded too, then thrown. A reason that breaks the rules is not
 * recorded: nothing was attempted.
 */
@Service
public class StopService {

  private final EcsOperations ecs;
  private final ClusterAccess access;
  private final AuditStore audit;
  private final ReasonPolicy policy;

  public StopService(
      EcsOperations ecs, ClusterAccess access, AuditStore audit, ReasonPolicy policy) {
    this.ecs = ecs;
    this.access = access;
    this.audit = audit;
    this.policy = policy;
  }

  /**
   * What the confirmation page shows before a stop: the task as it is now, and what this user may
   * type.
   *
   * @throws AccessDeniedException when the user may not read the cluster
   */
  public StopPreview preview(TaskRef task) {
    access.checkRead(task.cluster().name());
    Task now = ecs.describeTask(task);
    String user = access.currentUser();
    return new StopPreview(
        now,
        StopCall.isStopping(now),
        access.canStop(task.cluster().name()),
        policy.maxLength(user),
        policy.isRequired());
  }

  /**
   * Stops a task as a request names it, or with {@code dryRun} checks everything and stops nothing.
   * The access rule comes first: a user who may not stop tasks of the cluster is refused whatever
   * else is wrong with the request (as long as the cluster is well formed); then the caller's own
   * checks, the task and the reason.
   *
   * @param checkInput the caller's checks of its input (unknown fields), run after the access rule
   * @throws dev.ecsdashboard.ecs.InvalidReferenceException when the cluster or task is malformed
   * @throws InvalidStopReasonException when the reason breaks a rule (nothing recorded or sent)
   * @throws AccessDeniedException when the user may not stop tasks of the cluster (recorded)
   * @throws EcsCallException when ECS could not describe or stop the task (recorded)
   */
  public StopResult stop(
      String cluster, String task, String typedReason, boolean dryRun, Runnable checkInput) {
    ClusterRef ref = ClusterRef.parse(cluster);
    checkStop(ref, validTaskName(cluster, task), typedReason, dryRun);
    checkInput.run();
    return stopChecked(TaskRef.parse(cluster, task), typedReason, dryRun);
  }

  /** {@link #stop(String, String, String, boolean, Runnable)} of a task already parsed. */
  public StopResult stop(TaskRef task, String typedReason, boolean dryRun) {
    checkStop(task.cluster(), taskName(task), typedReason, dryRun);
    return stopChecked(task, typedReason, dryRun);
  }

  /** The access rule; a refusal is recorded (one record), except for a dry run. */
  private void checkStop(ClusterRef cluster, String task, String typedReason, boolean dryRun) {
    try {
      access.checkStop(cluster.name());
    } catch (AccessDeniedException e) {
      if (!dryRun) {
        String user = access.currentUser();
        audit.refused(
            new StopAttempt(
                null,
                user,
                cluster.name(),
                task,
                null,
                Map.of(),
                typedReason,
                attributedIfValid(policy, typedReason, user)),
            1,
            "AccessDenied",
            e.getMessage());
      }
      throw e;
    }
  }

  private StopResult stopChecked(TaskRef task, String typedReason, boolean dryRun) {
    String user = access.currentUser();
    String reasonSent = policy.attributed(typedReason, user);
    String cluster = task.cluster().name();
    Task before;
    try {
      // A stop decides from this answer: never an old copy (a cached one is at most fresh).
      before = StaleReads.untracked(() -> ecs.describeTask(task));
    } catch (EcsCallException e) {
      if (!dryRun) {
        StopAttempt unknownTask =
            new StopAttempt(
                null, user, cluster, taskName(task), null, Map.of(), typedReason, reasonSent);
        audit.record(unknownTask, AuditOutcome.FAILED, e.errorCode(), e.getMessage());
      }
      throw e;
    }
    boolean alreadyStopped = StopCall.isStopping(before);
    if (dryRun) {
      StopOutcome outcome = alreadyStopped ? StopOutcome.ALREADY_STOPPED : StopOutcome.WOULD_STOP;
      return new StopResult(outcome, before, reasonSent, null);
    }
    StopAttempt attempt = attempt(null, user, cluster, before, typedReason, reasonSent);
    if (alreadyStopped) {
      AuditEntry entry =
          audit.record(attempt, AuditOutcome.ALREADY_STOPPED, null, alreadyStoppedNote(before));
      return new StopResult(StopOutcome.ALREADY_STOPPED, before, reasonSent, entry.id());
    }
    long id = audit.open(attempt);
    StopCall.Result result;
    try {
      result = StopCall.call(ecs, task, reasonSent, false);
    } catch (RuntimeException e) {
      audit.complete(id, AuditOutcome.UNKNOWN, e.getClass().getSimpleName(), e.getMessage());
      throw e;
    }
    return switch (result.kind()) {
      case STOPPED -> {
        audit.complete(id, AuditOutcome.STOPPED, null, null);
        yield new StopResult(StopOutcome.STOPPED, result.task(), reasonSent, id);
      }
      case ALREADY_STOPPED -> {
        audit.complete(id, AuditOutcome.ALREADY_STOPPED, null, alreadyStoppedNote(result.task()));
        yield new StopResult(StopOutcome.ALREADY_STOPPED, result.task(), reasonSent, id);
      }
      case UNKNOWN -> {
        complete(id, AuditOutcome.UNKNOWN, result.error());
        throw result.error();
      }
      case RETRYABLE, FAILED -> {
        complete(id, AuditOutcome.FAILED, result.error());
        throw result.error();
      }
    };
  }

  /** The attributed reason, or null when it breaks a rule (for the record of a refusal). */
  static String attributedIfValid(ReasonPolicy policy, String typedReason, String user) {
    return policy.violations(typedReason, user).isEmpty()
        ? policy.attributed(typedReason, user)
        : null;
  }

  /** The task as named, when it is a well-formed reference; null otherwise. */
  static String validTaskName(String cluster, String task) {
    try {
      return taskName(TaskRef.parse(cluster, task));
    } catch (InvalidReferenceException e) {
      return null;
    }
  }

  private void complete(long id, AuditOutcome outcome, EcsCallException error) {
    audit.complete(id, outcome, error.errorCode(), error.getMessage());
  }

  /** The audit attempt of a described task: its ARN, group and tags as they are now. */
  static StopAttempt attempt(
      String batchId,
      String user,
      String cluster,
      Task task,
      String typedReason,
      String reasonSent) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : task.tags()) {
      tags.put(tag.key(), tag.value());
    }
    return new StopAttempt(
        batchId, user, cluster, task.taskArn(), task.group(), tags, typedReason, reasonSent);
  }

  static String alreadyStoppedNote(Task task) {
    String reason = task.stoppedReason();
    return "The task was already "
        + ("STOPPED".equals(task.lastStatus()) ? "stopped" : "stopping")
        + (reason == null || reason.isBlank() ? "." : " (" + reason + ").");
  }

  static String taskName(TaskRef task) {
    return task.arn().map(Object::toString).orElse(task.id());
  }
}
