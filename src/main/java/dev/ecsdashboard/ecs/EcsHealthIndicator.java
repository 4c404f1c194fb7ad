package dev.ecsdashboard.ecs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Whether ECS answers the dashboard: one cheap call (ListClusters of one cluster) at most once per
 * interval, whoever asks and however often; in between, the last answer. Throttling counts as
 * reachable. Not part of readiness or liveness: a slow ECS must not take replicas out of the load
 * balancer, since the dashboard still serves its pages, audit trail and error messages.
 */
public class EcsHealthIndicator implements HealthIndicator {

  private final EcsClient client;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private Health last;
  private Instant checkedAt;

  public EcsHealthIndicator(EcsClient client, Duration interval, Duration timeout, Clock clock) {
    this.client = client;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(checkedAt.plus(interval))) {
      last = check(now);
      checkedAt = now;
    }
    return last;
  }

  private Health check(Instant now) {
    long started = System.nanoTime();
    try {
      client.listClusters(
          r -> r.maxResults(1).overrideConfiguration(o -> o.apiCallTimeout(timeout)));
      return Health.up()
          .withDetail("checkedAt", now.toString())
          .withDetail("latencyMs", (System.nanoTime() - started) / 1_000_000)
          .build();
    } catch (SdkException e) {
      EcsCallException error = EcsExceptionTranslator.translate("ListClusters", e, null, null);
      Health.Builder health = error instanceof EcsThrottledException ? Health.up() : Health.down();
      health.withDetail("checkedAt", now.toString()).withDetail("error", error.getMessage());
      if (error.errorCode() != null) {
        health.withDetail("errorCode", error.errorCode());
      }
      return health.build();
    }
  }
}
