package dev.ecsdashboard.ecs;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cache in front of ECS reads ({@link CachingEcsOperations}).
 *
 * @param freshness how long an answer is served again without asking ECS; identical reads in flight
 *     always share one call while this is above zero; zero turns the cache off
 * @param staleFor how long the last good answer is kept to be shown, with its age, when ECS fails
 *     (throttled, unavailable, timed out); zero turns this off
 * @param maxItems the most tasks, task ARNs and clusters the cached answers hold together, which
 *     bounds the cache's memory
 */
@Validated
@ConfigurationProperties("dashboard.ecs.cache")
public record EcsCacheProperties(
    @NotNull @DefaultValue("5s") Duration freshness,
    @NotNull @DefaultValue("5m") Duration staleFor,
    @Min(1) @DefaultValue("50000") long maxItems) {

  /** No cache: every read goes to ECS. */
  public static final EcsCacheProperties OFF =
      new EcsCacheProperties(Duration.ZERO, Duration.ZERO, 1);

  public EcsCacheProperties {
    if (freshness.isNegative() || staleFor.isNegative()) {
      throw new IllegalArgumentException("Cache durations must not be negative.");
    }
  }
}
