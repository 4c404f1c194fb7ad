package dev.ecsdashboard.demo;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Schedules what happens to a task over time: after StopTask it moves RUNNING, DEACTIVATING,
 * STOPPING, DEPROVISIONING, STOPPED; the service scheduler then starts a replacement (PROVISIONING,
 * PENDING, RUNNING); stopped tasks are forgotten after the retention time. A scheduled step is
 * dropped when its task has been replaced or forgotten in the meantime.
 */
final class DemoTaskLifecycle {

  static final String CONTAINER_STOP_REASON = "Stopped by StopTask: SIGTERM";

  private final DemoTiming timing;
  private final DemoTimeline timeline;
  private final DemoIds ids;
  private final DemoAccount account;

  DemoTaskLifecycle(DemoTiming timing, DemoTimeline timeline, DemoIds ids, DemoAccount account) {
    this.timing = timing;
    this.timeline = timeline;
    this.ids = ids;
    this.account = account;
  }

  /** StopTask: the call's own change now, the steps to STOPPED later. */
  void stop(DemoCluster cluster, DemoTask task, String reason, Instant now) {
    task.update(t -> DemoTaskStates.stopRequested(t, reason));
    step(
        cluster,
        task,
        now.plus(timing.deactivating()),
        (t, at) -> DemoTaskStates.deactivating(t, TaskStopCode.USER_INITIATED),
        at -> {});
    step(cluster, task, now.plus(timing.stopping()), DemoTaskStates::stopping, at -> {});
    step(
        cluster,
        task,
        now.plus(timing.deprovisioning()),
        (t, at) ->
            DemoTaskStates.deprovisioning(
                t, at, DemoTaskStates.SIGTERM_EXIT_CODE, CONTAINER_STOP_REASON),
        at -> {});
    step(
        cluster,
        task,
        now.plus(timing.stopped()),
        DemoTaskStates::stopped,
        at -> {
          forgetLater(cluster, task);
          if (task.service() != null && cluster.services().contains(task.service())) {
            startReplacement(cluster, task, at);
          }
        });
  }

  /** ECS forgets a stopped task some time after {@code stoppedAt}. */
  void forgetLater(DemoCluster cluster, DemoTask task) {
    Instant stoppedAt = task.current().stoppedAt();
    if (stoppedAt != null) {
      timeline.at(
          stoppedAt.plus(timing.retention()), at -> cluster.tasks().remove(task.id(), task));
    }
  }

  private void startReplacement(DemoCluster cluster, DemoTask stopped, Instant at) {
    Task template = stopped.template();
    String taskArn = account.taskArn(cluster.name(), ids.hex(32));
    DemoTask replacement =
        new DemoTask(DemoTaskStates.provisioning(template, taskArn, at, ids), template);
    cluster.put(replacement);
    startStep(cluster, replacement, at.plus(timing.pending()), DemoTaskStates::pending);
    startStep(
        cluster,
        replacement,
        at.plus(timing.running()),
        (t, when) -> DemoTaskStates.running(t, template, when, ids));
  }

  /** A start step, dropped once the task has been asked to stop. */
  private void startStep(
      DemoCluster cluster, DemoTask task, Instant when, BiFunction<Task, Instant, Task> change) {
    step(
        cluster,
        task,
        when,
        (t, at) -> "RUNNING".equals(t.desiredStatus()) ? change.apply(t, at) : t,
        at -> {});
  }

  private void step(
      DemoCluster cluster,
      DemoTask task,
      Instant when,
      BiFunction<Task, Instant, Task> change,
      Consumer<Instant> then) {
    timeline.at(
        when,
        at -> {
          if (cluster.tasks().get(task.id()) != task) {
            return;
          }
          task.update(t -> change.apply(t, at));
          then.accept(at);
        });
  }
}
