package dev.ecsdashboard.demo;

import dev.ecsdashboard.demo.DemoSeedCatalog.StoppedPlan;
import dev.ecsdashboard.demo.DemoWorkload.Feature;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Attribute;
import software.amazon.awssdk.services.ecs.model.Connectivity;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.ManagedAgent;
import software.amazon.awssdk.services.ecs.model.NetworkBinding;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Builds the seeded tasks of a workload: running ones with every field ECS fills in, tasks still
 * pending, and tasks that stopped in the past (through the same {@link DemoTaskStates} steps as a
 * live StopTask). Timestamps count back from the clock's now.
 */
final class DemoTaskFactory {

  private final DemoAccount account;
  private final DemoIds ids;
  private final Instant now;
  private final DemoContainers containers;
  private final DemoTaskExtras extras;
  private final Map<String, String> deployments = new HashMap<>();
  private final Map<String, Integer> revisions = new HashMap<>();

  DemoTaskFactory(DemoAccount account, DemoIds ids, Instant now) {
    this.account = account;
    this.ids = ids;
    this.now = now;
    this.containers = new DemoContainers(account, ids);
    this.extras = new DemoTaskExtras(account, ids);
  }

  /** The {@code index}-th running task of a workload, created minutes to weeks ago. */
  Task running(DemoSite site, DemoWorkload workload, int index) {
    long maxAge =
        workload.service() ? Duration.ofDays(20).toMillis() : Duration.ofHours(6).toMillis();
    Instant createdAt =
        now.minusMillis(ids.millisBetween(Duration.ofMinutes(10).toMillis(), maxAge));
    return build(site, workload, createdAt, health(workload, index), index == 0);
  }

  /** A task whose image is still being pulled. */
  Task pending(DemoSite site, DemoWorkload workload) {
    Task task =
        build(site, workload, now.minusSeconds(ids.between(20, 90)), HealthStatus.UNKNOWN, false);
    return task.toBuilder()
        .lastStatus("PENDING")
        .version(2L)
        .pullStoppedAt(null)
        .startedAt(null)
        .containers(DemoTaskStates.containers(task, DemoTaskFactory::notStarted))
        .build();
  }

  /** A task that stopped as the plan says, its tags deleted if a user stopped it. */
  Task stopped(DemoSite site, DemoWorkload workload, StoppedPlan plan) {
    Instant stoppedAt =
        now.minus(Duration.ofMinutes(plan.minutesAgo())).minusMillis(ids.between(0, 59_999));
    boolean neverStarted = plan.stopCode() == TaskStopCode.TASK_FAILED_TO_START;
    Duration ran =
        neverStarted
            ? Duration.ofSeconds(ids.between(90, 150))
            : Duration.ofMinutes(ids.between(5, 4000));
    Task task = build(site, workload, stoppedAt.minus(ran), HealthStatus.HEALTHY, false);
    if (neverStarted) {
      task =
          task.toBuilder()
              .startedAt(null)
              .containers(DemoTaskStates.containers(task, DemoTaskFactory::notStarted))
              .build();
    }
    Instant stoppingAt = stoppedAt.minusSeconds(ids.between(8, 35));
    Instant executionStoppedAt = stoppedAt.minusMillis(ids.between(1500, 6000));
    List<Tag> tags = task.tags();
    task = DemoTaskStates.stopRequested(task, plan.stoppedReason());
    task = DemoTaskStates.deactivating(task, plan.stopCode());
    task = DemoTaskStates.stopping(task, stoppingAt);
    task =
        DemoTaskStates.deprovisioning(
            task, executionStoppedAt, DemoTaskStates.SIGTERM_EXIT_CODE, null);
    task = DemoTaskStates.stopped(task, stoppedAt);
    String app = workload.name();
    return task.toBuilder()
        .tags(plan.stopCode() == TaskStopCode.USER_INITIATED ? List.of() : tags)
        .containers(
            DemoTaskStates.containers(
                task,
                c ->
                    app.equals(c.build().name())
                        ? c.exitCode(neverStarted ? null : plan.exitCode())
                            .reason(plan.containerReason())
                        : c))
        .build();
  }

  private Task build(
      DemoSite site, DemoWorkload workload, Instant createdAt, HealthStatus health, boolean first) {
    String taskId = ids.hex(32);
    int zone = ids.between(0, 2);
    Instant connectivityAt = createdAt.plusMillis(ids.millisBetween(800, 2500));
    Instant pullStartedAt = connectivityAt.plusMillis(ids.millisBetween(300, 1500));
    Instant pullStoppedAt = pullStartedAt.plusMillis(ids.millisBetween(2000, 25000));
    Instant startedAt = pullStoppedAt.plusMillis(ids.millisBetween(800, 6000));
    DemoNetwork network =
        workload.fargate()
            ? DemoNetwork.create(
                ids,
                account.region(),
                site.subnets().get(zone),
                site.octetBase() + zone,
                "ATTACHED")
            : DemoNetwork.NONE;
    return Task.builder()
        .taskArn(account.taskArn(site.cluster(), taskId))
        .clusterArn(site.clusterArn())
        .taskDefinitionArn(account.taskDefinitionArn(workload.name(), revision(workload)))
        .containerInstanceArn(workload.fargate() ? null : ids.pick(site.containerInstanceArns()))
        .overrides(extras.overrides(workload, createdAt))
        .lastStatus("RUNNING")
        .desiredStatus("RUNNING")
        .cpu(Integer.toString(workload.cpu()))
        .memory(Integer.toString(workload.memory()))
        .containers(containers.running(site, workload, taskId, health, network, startedAt))
        .startedBy(workload.service() ? deployment(workload) : workload.startedBy())
        .version((long) ids.between(3, 5))
        .connectivity(Connectivity.CONNECTED)
        .connectivityAt(connectivityAt)
        .pullStartedAt(pullStartedAt)
        .pullStoppedAt(pullStoppedAt)
        .createdAt(createdAt)
        .startedAt(startedAt)
        .group((workload.service() ? "service:" : "family:") + workload.name())
        .launchType(workload.launchType())
        .capacityProviderName(workload.capacityProvider())
        .platformVersion(workload.fargate() ? "1.4.0" : null)
        .platformFamily(workload.fargate() ? "Linux" : null)
        .attachments(network.attachments())
        .attributes(
            Attribute.builder()
                .name("ecs.cpu-architecture")
                .value(workload.has(Feature.ARM64) ? "arm64" : "x86_64")
                .build())
        .availabilityZone(site.zone(account, zone))
        .healthStatus(health)
        .enableExecuteCommand(workload.has(Feature.EXEC))
        .ephemeralStorage(
            workload.fargate() ? EphemeralStorage.builder().sizeInGiB(20).build() : null)
        .tags(extras.tags(site, workload, first && workload.has(Feature.MANY_TAGS)))
        .build();
  }

  /**
   * Most tasks with a health check are healthy, one in eleven is not; workers and standalone tasks
   * have no health check and report UNKNOWN.
   */
  private static HealthStatus health(DemoWorkload workload, int index) {
    if (!workload.service() || workload.port() == 0 || workload.name().endsWith("-worker")) {
      return HealthStatus.UNKNOWN;
    }
    return index % 11 == 3 ? HealthStatus.UNHEALTHY : HealthStatus.HEALTHY;
  }

  private static Container.Builder notStarted(Container.Builder container) {
    return container
        .lastStatus("PENDING")
        .runtimeId(null)
        .healthStatus(HealthStatus.UNKNOWN)
        .networkBindings((List<NetworkBinding>) null)
        .managedAgents((List<ManagedAgent>) null);
  }

  /** The service's current deployment, {@code ecs-svc/} and 19 digits, as ECS sets startedBy. */
  private String deployment(DemoWorkload workload) {
    return deployments.computeIfAbsent(workload.name(), n -> "ecs-svc/" + ids.digits(19));
  }

  private int revision(DemoWorkload workload) {
    return revisions.computeIfAbsent(workload.name(), n -> ids.between(3, 180));
  }
}
