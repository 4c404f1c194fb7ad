package dev.ecsdashboard.demo;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * A service or a standalone task family of the seed data: what its tasks run and how many there
 * are. The task definition family, the main container and the ECR repository share its name.
 *
 * @param name service or family name, such as {@code checkout-api}
 * @param service whether a service runs it ({@code group} {@code service:NAME}) or it was started
 *     alone ({@code family:NAME})
 * @param capacityProvider the capacity provider its tasks report, or null
 * @param count how many running tasks it has
 * @param version the image tag
 * @param port the container port it listens on; 0 for none
 * @param sidecar the name of a second container, or null
 * @param startedBy for standalone tasks, who started them, or null
 */
record DemoWorkload(
    String name,
    boolean service,
    LaunchType launchType,
    String capacityProvider,
    int count,
    String version,
    int port,
    String sidecar,
    String team,
    String startedBy,
    int cpu,
    int memory,
    Set<Feature> features) {

  /** Optional traits that make some tasks differ. */
  enum Feature {
    /** ECS Exec enabled: a managed agent runs in the container. */
    EXEC,
    /** A GPU is assigned to the container. */
    GPU,
    /** A container port range is bound besides the main port (EC2 only). */
    PORT_RANGE,
    /** Runs on ARM (Graviton). */
    ARM64,
    /** The first task carries many tags. */
    MANY_TAGS,
    /** Started with container and task overrides: command, environment, roles. */
    RICH_OVERRIDES
  }

  /**
   * One row of the seed table: name, service|task, launch type, capacity provider, count, version,
   * port, sidecar, team, startedBy, cpu, memory, features (comma-separated); {@code -} for none.
   */
  static DemoWorkload parse(String row) {
    String[] c = row.trim().split("\\s+");
    if (c.length != 13) {
      throw new IllegalArgumentException("A workload row has 13 columns: " + row);
    }
    Set<Feature> features = EnumSet.noneOf(Feature.class);
    if (!c[12].equals("-")) {
      Arrays.stream(c[12].split(",")).map(Feature::valueOf).forEach(features::add);
    }
    return new DemoWorkload(
        c[0],
        c[1].equals("service"),
        LaunchType.fromValue(c[2]),
        none(c[3]),
        Integer.parseInt(c[4]),
        c[5],
        Integer.parseInt(c[6]),
        none(c[7]),
        c[8],
        none(c[9]),
        Integer.parseInt(c[10]),
        Integer.parseInt(c[11]),
        features);
  }

  boolean has(Feature feature) {
    return features.contains(feature);
  }

  boolean fargate() {
    return launchType == LaunchType.FARGATE;
  }

  private static String none(String value) {
    return value.equals("-") ? null : value;
  }
}
