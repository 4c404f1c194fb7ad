package dev.ecsdashboard.ecs;

import dev.ecsdashboard.demo.DemoProperties;
import java.time.Duration;
import java.util.List;

/** {@link EcsProperties} of a demo ECS for tests that build the SDK client themselves. */
final class DemoEcsProperties {

  /** The defaults of {@code application.yml}: no faults, seed 42, no extra clusters. */
  static final DemoProperties DEMO = new DemoProperties(Duration.ZERO, 0, 0, 0, 42, List.of());

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
        Duration.ofMillis(100));
  }
}
