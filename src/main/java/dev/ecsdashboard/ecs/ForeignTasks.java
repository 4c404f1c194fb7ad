package dev.ecsdashboard.ecs;

import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Tasks ECS described for one cluster that belong to another. Real ECS describes only the asked
 * cluster's tasks, but an emulator (moto finds a task in any cluster) or a fault must not let a
 * page show, or a stop act on, a task of a cluster the user was not authorised for: such a task is
 * reported as ECS reports an unknown one, a {@code MISSING} failure. A task whose cluster cannot be
 * told (no cluster ARN, and a task ARN of the old format without the cluster's name) is treated the
 * same way.
 */
final class ForeignTasks {

  static final String MISSING = "MISSING";

  private static final Logger log = LoggerFactory.getLogger(ForeignTasks.class);

  private ForeignTasks() {}

  /** The described tasks of {@code cluster}; the others join the failures as missing. */
  static DescribedTasks keepOwn(ClusterRef cluster, List<Task> tasks, List<Failure> failures) {
    List<Task> own = new ArrayList<>(tasks.size());
    List<Failure> missing = new ArrayList<>(failures);
    for (Task task : tasks) {
      Optional<String> owner = clusterName(task);
      if (owner.filter(cluster.name()::equals).isPresent()) {
        own.add(task);
      } else {
        log.warn(
            "ECS DescribeTasks for cluster {} answered task {} of cluster {}: treated as not found",
            cluster.name(),
            loggable(task.taskArn()),
            loggable(owner.orElse("(unknown)")));
        missing.add(
            Failure.builder()
                .arn(task.taskArn())
                .reason(MISSING)
                .detail("The task belongs to another cluster.")
                .build());
      }
    }
    return new DescribedTasks(own, missing);
  }

  /** The task's cluster, from its cluster ARN or else from a task ARN that names it. */
  static Optional<String> clusterName(Task task) {
    Optional<Arn> clusterArn = arn(task.clusterArn());
    if (clusterArn.isPresent()) {
      return clusterArn
          .filter(a -> a.resource().resourceType().filter("cluster"::equals).isPresent())
          .map(a -> a.resource().resource());
    }
    return arn(task.taskArn())
        .filter(a -> a.resource().qualifier().isPresent())
        .map(a -> a.resource().resource());
  }

  /** ECS's words, untrusted: only the characters of ARNs and names reach the log. */
  private static String loggable(String value) {
    String plain = String.valueOf(value).replaceAll("[^A-Za-z0-9:/._()-]", "?");
    return plain.length() > 300 ? plain.substring(0, 300) + "..." : plain;
  }

  private static Optional<Arn> arn(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Arn.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
