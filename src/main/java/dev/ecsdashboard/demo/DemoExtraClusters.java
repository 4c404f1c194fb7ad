package dev.ecsdashboard.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.Connectivity;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.HealthStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Large clusters for load tests ({@code dashboard.demo.extra-clusters}, entries {@code
 * name:count}): plain running Fargate tasks of five services, with the few fields the dashboard
 * lists, sharing every string that repeats so that ten thousand tasks fit in a small heap.
 */
final class DemoExtraClusters {

  private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_-]{1,255}):(\\d{1,6})");
  private static final int SERVICES = 5;

  /** An extra cluster: its name and how many running tasks it holds. */
  record Spec(String name, int count) {}

  private final DemoAccount account;
  private final long seed;
  private final Instant now;

  DemoExtraClusters(DemoAccount account, long seed, Instant now) {
    this.account = account;
    this.seed = seed;
    this.now = now;
  }

  /**
   * @throws IllegalArgumentException for an entry that is not {@code name:count}
   */
  static List<Spec> parse(List<String> entries) {
    List<Spec> specs = new ArrayList<>();
    for (String entry : entries) {
      Matcher matcher = ENTRY.matcher(entry.trim());
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "An extra cluster is name:count, such as bench-5000:5000, not " + entry);
      }
      specs.add(new Spec(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }
    return specs;
  }

  DemoCluster generate(Spec spec) {
    DemoIds ids = new DemoIds(seed ^ spec.name().hashCode());
    String clusterArn = account.clusterArn(spec.name());
    DemoCluster cluster = new DemoCluster(spec.name(), clusterArn, List.of(), List.of());
    List<Shared> services = new ArrayList<>();
    for (int s = 0; s < SERVICES; s++) {
      services.add(new Shared(spec.name(), "bench-api-" + (s + 1), ids));
    }
    for (int i = 0; i < spec.count(); i++) {
      Shared service = services.get(i % SERVICES);
      String taskId = ids.hex(32);
      Instant createdAt = now.minusSeconds(ids.between(600, 86_400));
      Task task =
          Task.builder()
              .taskArn(account.taskArn(spec.name(), taskId))
              .clusterArn(clusterArn)
              .taskDefinitionArn(service.taskDefinitionArn)
              .lastStatus("RUNNING")
              .desiredStatus("RUNNING")
              .launchType(LaunchType.FARGATE)
              .group(service.group)
              .startedBy(service.startedBy)
              .cpu("256")
              .memory("512")
              .connectivity(Connectivity.CONNECTED)
              .createdAt(createdAt)
              .startedAt(createdAt.plus(Duration.ofSeconds(20)))
              .healthStatus(HealthStatus.HEALTHY)
              .version(3L)
              .containers(service.container)
              .tags(service.tags)
              .build();
      cluster.put(new DemoTask(task));
    }
    return cluster;
  }

  /** What all tasks of one service share, built once. */
  private final class Shared {
    final String taskDefinitionArn;
    final String group;
    final String startedBy;
    final Container container;
    final List<Tag> tags;

    Shared(String cluster, String service, DemoIds ids) {
      this.taskDefinitionArn = account.taskDefinitionArn(service, ids.between(1, 40));
      this.group = "service:" + service;
      this.startedBy = "ecs-svc/" + ids.digits(19);
      String image = account.ecrImage(service, "1.0." + ids.between(0, 30));
      this.container =
          Container.builder()
              .name(service)
              .image(image)
              .imageDigest(DemoContainers.digest(image))
              .lastStatus("RUNNING")
              .healthStatus(HealthStatus.HEALTHY)
              .build();
      this.tags =
          List.of(
              Tag.builder().key("environment").value("load-test").build(),
              Tag.builder().key("aws:ecs:serviceName").value(service).build());
    }
  }
}
