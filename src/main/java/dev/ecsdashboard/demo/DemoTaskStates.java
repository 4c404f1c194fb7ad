package dev.ecsdashboard.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Connectivity;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ManagedAgent;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * The changes a task goes through, each a new {@link Task} with {@code version} incremented, as ECS
 * counts every change that raises a state-change event. {@link DemoTaskLifecycle} schedules them;
 * the seed data uses them to build tasks that stopped in the past.
 */
final class DemoTaskStates {

  /** What a container that exits on SIGTERM reports: 128 + 15. */
  static final int SIGTERM_EXIT_CODE = 143;

  /** What ECS keeps when StopTask is called without a reason. */
  static final String DEFAULT_STOP_REASON = "Task stopped by user";

  private DemoTaskStates() {}

  /** StopTask itself: desired status STOPPED, the reason kept, every tag deleted. */
  static Task stopRequested(Task task, String reason) {
    return next(task)
        .desiredStatus("STOPPED")
        .stoppedReason(reason == null ? DEFAULT_STOP_REASON : reason)
        .tags(List.of())
        .build();
  }

  static Task deactivating(Task task, TaskStopCode stopCode) {
    return next(task).lastStatus("DEACTIVATING").stopCode(stopCode).build();
  }

  /** Containers get their stop signal. */
  static Task stopping(Task task, Instant at) {
    return next(task).lastStatus("STOPPING").stoppingAt(at).build();
  }

  /**
   * Containers have exited and the network interface detaches.
   *
   * @param exitCode what running containers exit with; null when they never started
   */
  static Task deprovisioning(Task task, Instant at, Integer exitCode, String containerReason) {
    return next(task)
        .lastStatus("DEPROVISIONING")
        .executionStoppedAt(at)
        .containers(containers(task, c -> stoppedContainer(c, exitCode, containerReason)))
        .attachments(attachments(task, "DETACHING"))
        .build();
  }

  static Task stopped(Task task, Instant at) {
    return next(task)
        .lastStatus("STOPPED")
        .stoppedAt(at)
        .healthStatus(HealthStatus.UNKNOWN)
        .attachments(attachments(task, "DETACHED"))
        .build();
  }

  /** A replacement the service scheduler starts as a copy of the task as it was created. */
  static Task provisioning(Task template, String taskArn, Instant at, DemoIds ids) {
    DemoNetwork network = DemoNetwork.renew(template, ids);
    String containerPrefix = taskArn.replace(":task/", ":container/");
    return template.toBuilder()
        .taskArn(taskArn)
        .lastStatus("PROVISIONING")
        .desiredStatus("RUNNING")
        .createdAt(at)
        .version(1L)
        .healthStatus(HealthStatus.UNKNOWN)
        .connectivity((String) null)
        .connectivityAt(null)
        .pullStartedAt(null)
        .pullStoppedAt(null)
        .startedAt(null)
        .attachments(network.attachments())
        .containers(
            containers(
                template,
                c ->
                    c.containerArn(containerPrefix + "/" + ids.uuid())
                        .taskArn(taskArn)
                        .lastStatus("PENDING")
                        .runtimeId(null)
                        .healthStatus(HealthStatus.UNKNOWN)
                        .networkBindings((List<NetworkBinding>) null)
                        .networkInterfaces(network.interfaces())
                        .managedAgents(agents(c.build(), "PENDING", null))))
        .build();
  }

  static Task pending(Task task, Instant at) {
    return next(task)
        .lastStatus("PENDING")
        .connectivity(Connectivity.CONNECTED)
        .connectivityAt(at)
        .pullStartedAt(at)
        .attachments(attachments(task, "ATTACHED"))
        .build();
  }

  /** Images are pulled and containers run, with the health they had when first created. */
  static Task running(Task task, Task template, Instant at, DemoIds ids) {
    String taskId = DemoAccount.lastSegment(task.taskArn());
    Instant pulled =
        task.pullStartedAt() == null
            ? at
            : latest(task.pullStartedAt(), at.minus(Duration.ofMillis(600)));
    boolean fargate = task.launchType() == LaunchType.FARGATE;
    return next(task)
        .lastStatus("RUNNING")
        .pullStoppedAt(pulled)
        .startedAt(at)
        .healthStatus(template.healthStatus())
        .containers(
            containers(
                task,
                c -> {
                  Container original = containerNamed(template, c.build().name());
                  return c.lastStatus("RUNNING")
                      .runtimeId(fargate ? taskId + "-" + ids.digits(10) : ids.hex(64))
                      .healthStatus(original == null ? null : original.healthStatus())
                      .networkBindings(original == null ? null : original.networkBindings())
                      .managedAgents(agents(c.build(), "RUNNING", at));
                }))
        .build();
  }

  private static Task.Builder next(Task task) {
    return task.toBuilder().version(task.version() == null ? 1L : task.version() + 1);
  }

  private static Container.Builder stoppedContainer(
      Container.Builder container, Integer exitCode, String reason) {
    Container current = container.build();
    boolean ran = "RUNNING".equals(current.lastStatus());
    return container
        .lastStatus("STOPPED")
        .exitCode(ran ? exitCode : null)
        .reason(reason)
        .managedAgents(agents(current, "STOPPED", null));
  }

  private static List<ManagedAgent> agents(Container container, String status, Instant startedAt) {
    if (!container.hasManagedAgents()) {
      return null;
    }
    return container.managedAgents().stream()
        .map(
            a ->
                a.toBuilder()
                    .lastStatus(status)
                    .lastStartedAt(startedAt == null ? a.lastStartedAt() : startedAt)
                    .build())
        .toList();
  }

  static List<Container> containers(Task task, UnaryOperator<Container.Builder> change) {
    return task.containers().stream().map(c -> change.apply(c.toBuilder()).build()).toList();
  }

  private static List<Attachment> attachments(Task task, String status) {
    return task.attachments().stream().map(a -> a.toBuilder().status(status).build()).toList();
  }

  private static Container containerNamed(Task task, String name) {
    return task.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
