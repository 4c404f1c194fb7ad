package dev.ecsdashboard.ecs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;

/**
 * A validated task reference: the cluster and the task ID. IDs are 32 hex characters in today's
 * ARNs ({@code task/CLUSTER/ID}) and UUIDs in the older format that has no cluster ({@code
 * task/ID}); anything else is rejected before ECS is called.
 *
 * @param cluster the task's cluster
 * @param id the task ID, lower case
 * @param arn the ARN it was given as, if it was
 */
public record TaskRef(ClusterRef cluster, String id, Optional<Arn> arn) {

  static final Pattern ID =
      Pattern.compile(
          "[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
          Pattern.CASE_INSENSITIVE);

  /**
   * @param cluster the cluster name or ARN; null or blank means the ARN's cluster, or {@code
   *     default} for a bare ID, as the CLI does
   * @param task a task ID or a full task ARN
   * @throws InvalidReferenceException when either is malformed or they disagree
   */
  public static TaskRef parse(String cluster, String task) {
    if (task == null || task.isBlank()) {
      throw new InvalidReferenceException("task", task, "A task ID or task ARN is required.");
    }
    boolean clusterGiven = cluster != null && !cluster.isBlank();
    ClusterRef clusterRef = ClusterRef.parse(cluster);
    if (ID.matcher(task).matches()) {
      return new TaskRef(clusterRef, task.toLowerCase(Locale.ROOT), Optional.empty());
    }
    if (!task.startsWith("arn:")) {
      throw new InvalidReferenceException(
          "task",
          task,
          "A task is a task ID (32 hexadecimal characters, or a UUID in older ARNs) or a full"
              + " task ARN.");
    }
    Arn arn = EcsArns.parse("task", task);
    EcsArns.requireResourceType(arn, "task", "task", task);
    String first = arn.resource().resource();
    Optional<String> second = arn.resource().qualifier();
    String id = second.orElse(first);
    if (!ID.matcher(id).matches()
        || (second.isPresent() && !ClusterRef.NAME.matcher(first).matches())) {
      throw new InvalidReferenceException(
          "task", task, "This is not a valid task ARN: the task ID or cluster name is malformed.");
    }
    clusterRef.arn().ifPresent(clusterArn -> requireSameAccountAndRegion(clusterArn, arn, task));
    if (second.isPresent()) {
      if (clusterGiven && !clusterRef.name().equals(first)) {
        throw new InvalidReferenceException(
            "task",
            task,
            "The task ARN names cluster "
                + first
                + ", but cluster "
                + clusterRef.name()
                + " was given.");
      }
      if (!clusterGiven) {
        clusterRef = new ClusterRef(first, Optional.empty());
      }
    }
    return new TaskRef(clusterRef, id.toLowerCase(Locale.ROOT), Optional.of(arn));
  }

  /** A cluster ARN given beside a task ARN must be of the task's partition, region and account. */
  private static void requireSameAccountAndRegion(Arn clusterArn, Arn taskArn, String task) {
    if (!clusterArn.partition().equals(taskArn.partition())
        || !clusterArn.region().equals(taskArn.region())
        || !clusterArn.accountId().equals(taskArn.accountId())) {
      throw new InvalidReferenceException(
          "task",
          task,
          "The task ARN is for account "
              + taskArn.accountId().orElse("")
              + " in "
              + taskArn.region().orElse("")
              + ", but the cluster ARN given is for account "
              + clusterArn.accountId().orElse("")
              + " in "
              + clusterArn.region().orElse("")
              + ".");
    }
  }

  /** The short task ID as operators quote it: the first 8 characters. */
  public String shortId() {
    return id.substring(0, 8);
  }

  @Override
  public String toString() {
    return cluster.name() + "/" + id;
  }
}
