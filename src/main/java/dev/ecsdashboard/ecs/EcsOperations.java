package dev.ecsdashboard.ecs;

import java.util.List;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The ECS operations the dashboard needs, and the only door to {@code EcsClient}. Every method
 * throws the dashboard's own {@link EcsCallException}s, never the SDK's.
 */
public interface EcsOperations {

  /** ECS answers at most this many items a page, and describes at most this many a call. */
  int MAX_PAGE = 100;

  /** Every cluster ARN of the account and region, following {@code nextToken}. */
  List<String> listClusterArns();

  /**
   * Describes clusters in batches of at most 100, in the order given. Clusters ECS does not know
   * are left out.
   */
  List<Cluster> describeClusters(List<String> clusters);

  /** One page of ListTasks: at most {@code maxResults} (1 to 100) task ARNs. */
  TaskArnPage listTasks(ClusterRef cluster, TaskQuery query, String nextToken, int maxResults);

  /**
   * Describes tasks with their tags, in batches of at most 100 and in the order given. Tasks ECS
   * does not know come back as failures, as ECS reports them.
   */
  DescribedTasks describeTasks(ClusterRef cluster, List<String> tasks);

  /**
   * Describes one task with its tags.
   *
   * @throws UnknownTaskException when ECS does not know it
   */
  Task describeTask(TaskRef task);

  /**
   * Stops a task. ECS answers with the task as it is after the call.
   *
   * @param reason the reason ECS keeps as {@code stoppedReason}, at most 255 characters
   */
  Task stopTask(TaskRef task, String reason);

  /**
   * Stops a task as part of a bulk stop: like {@link #stopTask}, only throttling is retried, but
   * with the SDK's adaptive strategy (client-side rate limiting shared by every patient stop) and a
   * larger attempt budget. A call that ends throttled all the same throws {@link
   * EcsThrottledException}; one that timed out or failed on the server is not repeated here, as it
   * may have stopped the task.
   */
  Task stopTaskPatiently(TaskRef task, String reason);

  /** One page of task ARNs and the token of the next page, null on the last. */
  record TaskArnPage(List<String> taskArns, String nextToken) {}

  /** Tasks ECS described, and the ones it reported as failures (reason {@code MISSING}). */
  record DescribedTasks(List<Task> tasks, List<Failure> failures) {}
}
