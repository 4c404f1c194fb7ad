package dev.ecsdashboard.demo;

import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.EcsProperties;
import dev.ecsdashboard.ecs.EcsTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A simulated ECS on a test clock, with the real SDK client over it and the dashboard's {@link
 * EcsTemplate} over that client: everything above the HTTP layer is production code.
 */
final class DemoFixture implements AutoCloseable {

  /** The demo's defaults: no faults, seed 42, no extra clusters. */
  static final DemoProperties DEMO = new DemoProperties(Duration.ZERO, 0, 0, 0, 42, List.of());

  static final Instant START = Instant.parse("2025-06-02T10:00:00.250Z");

  final MutableClock clock = new MutableClock(START);
  final EcsProperties properties;
  final DemoEcs ecs;
  final DemoEcsHttpClient http;
  final EcsClient client;
  final EcsTemplate template;

  DemoFixture() {
    this(properties(Duration.ofSeconds(5), Duration.ofSeconds(15), 4));
  }

  DemoFixture(EcsProperties properties) {
    this.properties = properties;
    this.ecs = DemoEcs.create(properties, DEMO, clock);
    this.http = new DemoEcsHttpClient(ecs, DemoFaults.from(DEMO), 7);
    this.client = DemoEcsClients.create(properties, http, List.of());
    this.template = new EcsTemplate(client, new ArnScope(ecs.region(), null));
  }

  static EcsProperties properties(Duration attemptTimeout, Duration callTimeout, int maxAttempts) {
    return new EcsProperties(
        EcsProperties.Mode.DEMO,
        null,
        null,
        Duration.ofSeconds(2),
        attemptTimeout,
        callTimeout,
        callTimeout,
        maxAttempts,
        50,
        Duration.ofMillis(100));
  }

  @Override
  public void close() {
    client.close();
  }
}
