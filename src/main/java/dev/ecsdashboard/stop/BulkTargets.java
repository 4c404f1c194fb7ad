package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The tasks a bulk stop is asked to stop, checked once the access rule allowed it: the tasks given
 * (parsed, once each, none of another region or account) or all tasks matching a filter, at least
 * one and at most {@code max-tasks}.
 */
final class BulkTargets {

  private final EcsOperations ecs;
  private final ArnScope scope;
  private final int maxTasks;
  private final BiFunction<ClusterRef, TaskQuery, List<String>> matching;

  BulkTargets(
      EcsOperations ecs,
      ArnScope scope,
      int maxTasks,
      BiFunction<ClusterRef, TaskQuery, List<String>> matching) {
    this.ecs = ecs;
    this.scope = scope;
    this.maxTasks = maxTasks;
    this.matching = matching;
  }

  /** The tasks given, parsed and once each, or all tasks matching the filter. */
  List<TaskRef> of(ClusterRef cluster, BulkStopRequest request) {
    List<String> given =
        request.allMatching() == null
            ? request.tasks()
            : matching.apply(cluster, request.allMatching().get());
    if (request.allMatching() != null && given.isEmpty()) {
      throw new InvalidStopInputException("all", "stop.tasks.none-matching");
    }
    requireCount(given.size(), "stop.tasks.none");
    Map<String, TaskRef> refs = new LinkedHashMap<>();
    for (String task : given) {
      TaskRef ref = TaskRef.parse(cluster.name(), task);
      refs.putIfAbsent(ref.id(), ref);
    }
    checkScope(refs.values());
    return List.copyOf(refs.values());
  }

  void requireCount(int count, String noneKey) {
    if (count == 0) {
      throw new InvalidStopInputException("tasks", noneKey);
    }
    if (count > maxTasks) {
      throw new InvalidStopInputException("tasks", "stop.tasks.too-many", maxTasks);
    }
  }

  /**
   * Refuses the whole bulk stop, before anything starts, when one task is an ARN of another region
   * or account, as a single stop would be. Until ECS has returned an ARN the account is unknown, so
   * one ListClusters call learns it first.
   */
  private void checkScope(Collection<TaskRef> refs) {
    if (scope.account().isEmpty() && refs.stream().anyMatch(r -> r.arn().isPresent())) {
      ecs.listClusterArns();
    }
    refs.forEach(ref -> scope.check("task", ref.arn()));
  }
}
