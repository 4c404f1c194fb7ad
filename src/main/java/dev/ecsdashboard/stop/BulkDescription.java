package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

/** The tasks of a bulk stop as ECS describes them, found by task ID. */
final class BulkDescription {

  /** What a task ECS does not know is told. */
  static final String MISSING = "ECS does not know this task.";

  private final Map<String, Task> tasks = new HashMap<>();
  private final Map<String, Failure> failures = new HashMap<>();

  private BulkDescription(DescribedTasks described) {
    described.tasks().forEach(t -> tasks.put(idOf(t.taskArn()), t));
    described.failures().forEach(f -> failures.put(idOf(f.arn()), f));
  }

  /** Describes every task of the bulk stop (in batches of 100). */
  static BulkDescription of(EcsOperations ecs, BulkStop batch) {
    return new BulkDescription(
        ecs.describeTasks(batch.cluster(), batch.tasks().stream().map(BulkTask::taskId).toList()));
  }

  /**
   * A dry run's answer: gives each task the outcome a stop would have (would stop, already stopped,
   * or failed for a task ECS does not know); nothing is sent or recorded.
   */
  void answerDryRun(BulkStop batch) {
    for (BulkTask task : batch.tasks()) {
      Task before = task(task);
      if (before == null) {
        batch.finished(task, BulkTaskState.FAILED, failure(task), MISSING);
        continue;
      }
      task.described(before);
      if (StopCall.isStopping(before)) {
        batch.finished(
            task, BulkTaskState.ALREADY_STOPPED, null, StopService.alreadyStoppedNote(before));
      } else {
        batch.finished(task, BulkTaskState.WOULD_STOP, null, null);
      }
    }
  }

  /** The task as described; null when ECS does not know it. */
  Task task(BulkTask task) {
    return tasks.get(task.taskId());
  }

  /** ECS's failure reason for a task it did not describe ({@code MISSING} when it gave none). */
  String failure(BulkTask task) {
    Failure failure = failures.get(task.taskId());
    return failure == null || failure.reason() == null ? "MISSING" : failure.reason();
  }

  private static String idOf(String arn) {
    return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
  }
}
