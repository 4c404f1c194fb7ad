package dev.ecsdashboard.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * One simulated cluster: its tasks by ID (sorted, so that page tokens stay valid while tasks come
 * and go), its services and container instances. Counts are computed from the tasks it holds at the
 * moment. Guarded by the simulation's lock.
 */
final class DemoCluster {

  private static final Set<String> PENDING = Set.of("PROVISIONING", "PENDING", "ACTIVATING");

  private final String name;
  private final String arn;
  private final List<Tag> tags;
  private final List<String> containerInstanceArns;
  private final Set<String> services = new TreeSet<>();
  private final NavigableMap<String, DemoTask> tasks = new TreeMap<>();

  DemoCluster(String name, String arn, List<Tag> tags, List<String> containerInstanceArns) {
    this.name = name;
    this.arn = arn;
    this.tags = List.copyOf(tags);
    this.containerInstanceArns = List.copyOf(containerInstanceArns);
  }

  String name() {
    return name;
  }

  String arn() {
    return arn;
  }

  NavigableMap<String, DemoTask> tasks() {
    return tasks;
  }

  Set<String> services() {
    return services;
  }

  List<String> containerInstanceArns() {
    return containerInstanceArns;
  }

  /** Adds or replaces a task, and registers its service. */
  void put(DemoTask task) {
    tasks.put(task.id(), task);
    if (task.service() != null) {
      services.add(task.service());
    }
  }

  /** The cluster as DescribeClusters shows it, with the optional parts asked for. */
  Cluster describe(Collection<String> include) {
    Cluster.Builder cluster =
        Cluster.builder()
            .clusterArn(arn)
            .clusterName(name)
            .status("ACTIVE")
            .registeredContainerInstancesCount(containerInstanceArns.size())
            .runningTasksCount(count("RUNNING", null))
            .pendingTasksCount(countPending(null))
            .activeServicesCount(services.size())
            .capacityProviders(List.of("FARGATE", "FARGATE_SPOT"));
    if (include.contains("STATISTICS")) {
      cluster.statistics(statistics());
    }
    if (include.contains("TAGS")) {
      cluster.tags(tags);
    }
    if (include.contains("SETTINGS")) {
      cluster.settings(ClusterSetting.builder().name("containerInsights").value("enabled").build());
    }
    return cluster.build();
  }

  private List<KeyValuePair> statistics() {
    List<KeyValuePair> statistics = new ArrayList<>();
    statistics.add(pair("runningEC2TasksCount", count("RUNNING", LaunchType.EC2)));
    statistics.add(pair("runningFargateTasksCount", count("RUNNING", LaunchType.FARGATE)));
    statistics.add(pair("pendingEC2TasksCount", countPending(LaunchType.EC2)));
    statistics.add(pair("pendingFargateTasksCount", countPending(LaunchType.FARGATE)));
    statistics.add(pair("activeEC2ServiceCount", serviceCount(LaunchType.EC2)));
    statistics.add(pair("activeFargateServiceCount", serviceCount(LaunchType.FARGATE)));
    statistics.add(pair("drainingEC2ServiceCount", 0));
    statistics.add(pair("drainingFargateServiceCount", 0));
    return statistics;
  }

  private int count(String lastStatus, LaunchType launchType) {
    return (int)
        tasks.values().stream()
            .filter(t -> t.is(lastStatus))
            .filter(t -> launchType == null || launchType == t.current().launchType())
            .count();
  }

  private int countPending(LaunchType launchType) {
    return (int)
        tasks.values().stream()
            .filter(t -> PENDING.contains(t.current().lastStatus()))
            .filter(t -> launchType == null || launchType == t.current().launchType())
            .count();
  }

  private int serviceCount(LaunchType launchType) {
    return (int)
        tasks.values().stream()
            .filter(t -> t.service() != null && launchType == t.current().launchType())
            .map(DemoTask::service)
            .distinct()
            .count();
  }

  private static KeyValuePair pair(String name, int value) {
    return KeyValuePair.builder().name(name).value(Integer.toString(value)).build();
  }
}
