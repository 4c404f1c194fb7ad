package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.List;

/** {@link EcsProperties} of a demo ECS for tests that build the SDK client themselves. */
final class DemoEcsProperties {

  private DemoEcsProperties() {}

  /** The defaults of {@code application.yml}, without faults, and {@code maxAttempts}. */
  static EcsProperties withMaxAttempts(int maxAttempts) {
    return new EcsProperties(
        EcsProperties.Mode.DEMO,
        null,
        null,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(20),
        maxAttempts,
        50,
        Duration.ofMillis(100),
        new EcsProperties.Demo(Duration.ZERO, 0, 0, 0, 42, List.of()));
  }
}
