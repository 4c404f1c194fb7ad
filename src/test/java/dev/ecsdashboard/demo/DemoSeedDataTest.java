package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.ecs.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** The seeded data covers what the dashboard must render, deterministically from the seed. */
class DemoSeedDataTest {

  private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");

  private final DemoEcs ecs = seeded(42, List.of());
  private final List<Task> all =
      ecs.clusterNames().stream().flatMap(c -> ecs.tasks(c).stream()).toList();

  @Test
  void holdsThreeClustersAndMoreThan150Tasks() {
    assertThat(ecs.clusterNames()).containsExactly("default", "prod-web", "staging-batch");
    assertThat(count("prod-web", "RUNNING")).isEqualTo(130);
    assertThat(count("default", "RUNNING")).isEqualTo(8);
    assertThat(count("staging-batch", "RUNNING")).isEqualTo(20);
    assertThat(count("staging-batch", "PENDING")).isEqualTo(2);
    assertThat(all.stream().filter(t -> t.lastStatus().equals("STOPPED"))).hasSize(13);
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
  }

  @Test
  void coversEveryStopCodeHealthStatusAndLaunchType() {
    assertThat(
            all.stream().map(Task::stopCode).filter(Objects::nonNull).collect(Collectors.toSet()))
        .containsAll(TaskStopCode.knownValues());
    assertThat(all.stream().map(Task::healthStatus).collect(Collectors.toSet()))
        .containsAll(HealthStatus.knownValues());
    assertThat(containers().map(Container::healthStatus).collect(Collectors.toSet()))
        .containsAll(HealthStatus.knownValues());
    assertThat(all.stream().map(Task::launchType).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(LaunchType.FARGATE, LaunchType.EC2);
  }

  @Test
  void givesFargateTasksAnEniAndEc2TasksPortBindings() {
    Task fargate =
        first(t -> t.launchType() == LaunchType.FARGATE && t.lastStatus().equals("RUNNING"));
    Attachment eni = fargate.attachments().get(0);
    assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
    assertThat(eni.details())
        .extracting(KeyValuePair::name)
        .containsExactlyInAnyOrder(
            "subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address");
    assertThat(fargate.platformVersion()).isEqualTo("1.4.0");
    assertThat(fargate.platformFamily()).isEqualTo("Linux");
    assertThat(fargate.containers().get(0).networkInterfaces().get(0).attachmentId())
        .isEqualTo(eni.id());

    Task ec2 = first(t -> t.launchType() == LaunchType.EC2 && t.lastStatus().equals("RUNNING"));
    assertThat(ec2.containerInstanceArn())
        .matches("arn:aws:ecs:us-east-1:123456789012:container-instance/.+/[0-9a-f]{32}");
    assertThat(containers().flatMap(c -> c.networkBindings().stream()))
        .anySatisfy(b -> assertThat(b.containerPortRange()).isNotBlank())
        .anySatisfy(
            b -> {
              assertThat(b.bindIP()).isEqualTo("0.0.0.0");
              assertThat(b.hostPort()).isPositive();
              assertThat(b.containerPort()).isPositive();
            });
  }

  @Test
  void marksServiceAndStandaloneTasksAsEcsDoes() {
    assertThat(all.stream().filter(t -> t.group().startsWith("service:")))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.startedBy()).matches("ecs-svc/\\d{19}"));
    assertThat(all.stream().filter(t -> t.group().startsWith("family:")))
        .anySatisfy(t -> assertThat(t.startedBy()).isNotNull())
        .anySatisfy(t -> assertThat(t.overrides().taskRoleArn()).isNotBlank());
    assertThat(all).anySatisfy(t -> assertThat(t.capacityProviderName()).isEqualTo("FARGATE_SPOT"));
    assertThat(all)
        .allSatisfy(
            t ->
                assertThat(t.taskArn())
                    .matches("arn:aws:ecs:us-east-1:123456789012:task/[a-z-]+/[0-9a-f]{32}"));
  }

  @Test
  void startsStandaloneTasksWithFullOverrides() {
    ContainerOverride override =
        all.stream()
            .filter(t -> t.group().equals("family:ml-inference"))
            .findFirst()
            .orElseThrow()
            .overrides()
            .containerOverrides()
            .get(0);

    assertThat(override.command()).isNotEmpty();
    assertThat(override.environment())
        .extracting(KeyValuePair::name)
        .contains("API_TOKEN", "DATABASE_URL");
    assertThat(override.environmentFiles()).isNotEmpty();
    assertThat(override.resourceRequirements()).isNotEmpty();
    assertThat(override.cpu()).isPositive();
    assertThat(containers()).anySatisfy(c -> assertThat(c.gpuIds()).isNotEmpty());
    assertThat(containers()).anySatisfy(c -> assertThat(c.managedAgents()).isNotEmpty());
  }

  @Test
  void fillsEveryTimestampOfStoppedTasksInOrder() {
    assertThat(all.stream().filter(t -> t.lastStatus().equals("STOPPED")))
        .allSatisfy(
            t -> {
              assertThat(t.desiredStatus()).isEqualTo("STOPPED");
              assertThat(t.stoppedReason()).isNotBlank();
              assertThat(t.createdAt()).isBefore(t.pullStartedAt());
              assertThat(t.pullStartedAt()).isBefore(t.pullStoppedAt());
              assertThat(t.pullStoppedAt()).isBefore(t.stoppingAt());
              assertThat(t.stoppingAt()).isBefore(t.executionStoppedAt());
              assertThat(t.executionStoppedAt()).isBefore(t.stoppedAt());
              assertThat(t.stoppedAt()).isBefore(NOW);
              assertThat(t.connectivityAt()).isNotNull();
            });
    assertThat(all)
        .filteredOn(t -> t.stopCode() == TaskStopCode.ESSENTIAL_CONTAINER_EXITED)
        .allSatisfy(
            t ->
                assertThat(t.containers())
                    .anySatisfy(c -> assertThat(c.exitCode()).isNotEqualTo(143)));
    assertThat(all)
        .filteredOn(t -> t.lastStatus().equals("RUNNING"))
        .allSatisfy(t -> assertThat(t.startedAt()).isAfter(t.pullStoppedAt()).isBefore(NOW));
  }

  @Test
  void tagsTasksAndGivesOneManyTags() {
    assertThat(all.stream().filter(t -> t.lastStatus().equals("RUNNING")))
        .allSatisfy(t -> assertThat(t.tags()).hasSizeGreaterThanOrEqualTo(4));
    assertThat(all).anySatisfy(t -> assertThat(t.tags()).hasSizeBetween(40, 50));
  }

  @Test
  void writesTasksAsEcsDoesOnTheWire() {
    String json =
        WireJson.toJson(
                first(
                    t -> t.lastStatus().equals("STOPPED") && t.launchType() == LaunchType.FARGATE))
            .toString();

    assertThat(json).containsPattern("\"createdAt\":\\d{10}\\.\\d{1,3}[,}]");
    assertThat(json)
        .contains("\"stopCode\":\"")
        .contains("\"ephemeralStorage\"")
        .doesNotContain("null");
  }

  @Test
  void generatesTheSameDataFromTheSameSeed() {
    DemoEcs again = seeded(42, List.of());
    DemoEcs other = seeded(7, List.of());

    assertThat(again.tasks("prod-web")).isEqualTo(ecs.tasks("prod-web"));
    assertThat(other.tasks("prod-web"))
        .extracting(Task::taskArn)
        .doesNotContainAnyElementsOf(ecs.tasks("prod-web").stream().map(Task::taskArn).toList());
  }

  @Test
  void generatesLargeExtraClustersQuickly() {
    long start = System.nanoTime();
    DemoEcs large = seeded(42, List.of("bench-5000:5000", "bench-small:3"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(large.clusterNames()).contains("bench-5000", "bench-small");
    assertThat(large.tasks("bench-5000"))
        .hasSize(5000)
        .allSatisfy(t -> assertThat(t.lastStatus()).isEqualTo("RUNNING"));
    assertThat(large.tasks("bench-5000").stream().map(Task::group).collect(Collectors.toSet()))
        .hasSize(5);
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void rejectsMalformedExtraClusters() {
    assertThatThrownBy(() -> seeded(42, List.of("bench")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> seeded(42, List.of("prod-web:10")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DemoEcs seeded(long seed, List<String> extra) {
    return new DemoEcs(
        "us-east-1", seed, extra, Clock.fixed(NOW, ZoneOffset.UTC), DemoTiming.DEFAULT);
  }

  private long count(String cluster, String lastStatus) {
    return ecs.tasks(cluster).stream().filter(t -> t.lastStatus().equals(lastStatus)).count();
  }

  private java.util.stream.Stream<Container> containers() {
    return all.stream().flatMap(t -> t.containers().stream());
  }

  private Task first(java.util.function.Predicate<Task> condition) {
    return all.stream().filter(condition).findFirst().orElseThrow();
  }
}
