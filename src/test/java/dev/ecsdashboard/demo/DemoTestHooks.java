package dev.ecsdashboard.demo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Test hooks into a {@link DemoEcs}: plant a task and read one back without going through the wire.
 * They live with the tests, in the demo's package so that they reach its package-private state, and
 * stay out of the production classes.
 */
public final class DemoTestHooks {

  private DemoTestHooks() {}

  /**
   * Adds a task to a cluster, or replaces the task with the same ID, exactly as given (no lifecycle
   * steps are scheduled, except forgetting it an hour after its {@code stoppedAt}). The cluster is
   * created when it does not exist. Build the ARN with {@link DemoEcs#taskArn}.
   */
  public static void putTask(DemoEcs ecs, String clusterName, Task task) {
    if (task.taskArn() == null) {
      throw new IllegalArgumentException("the task needs a taskArn");
    }
    DemoState state = ecs.state();
    state.locked(
        now -> {
          DemoCluster cluster =
              state
                  .clusters()
                  .computeIfAbsent(
                      clusterName,
                      name ->
                          new DemoCluster(
                              name, state.account().clusterArn(name), List.of(), List.of()));
          DemoTask demoTask = new DemoTask(task);
          cluster.put(demoTask);
          state.lifecycle().forgetLater(cluster, demoTask);
          return null;
        });
  }

  /** The current state of a task of any cluster, with its tags. */
  public static Optional<Task> task(DemoEcs ecs, String taskId) {
    DemoState state = ecs.state();
    return state.locked(
        now ->
            state.clusters().values().stream()
                .map(c -> c.tasks().get(taskId))
                .filter(Objects::nonNull)
                .map(DemoTask::current)
                .findFirst());
  }
}
