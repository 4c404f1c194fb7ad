package dev.ecsdashboard.ecs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dashboard reaches ECS: the real service ({@code aws}) or the built-in simulation ({@code
 * demo}), with the timeouts and retry budget of every call.
 *
 * @param mode which ECS the dashboard talks to
 * @param region AWS region; when absent, the SDK's default region chain decides ({@code us-east-1}
 *     in demo mode)
 * @param endpoint endpoint override, for ECS-compatible emulators such as moto_server
 * @param connectTimeout time to open a connection to ECS
 * @param apiCallAttemptTimeout time for one HTTP attempt of a call
 * @param apiCallTimeout time for a whole call, retries included
 * @param requestTimeout time for all the ECS calls of one web request together: a call is given
 *     only what is left of it, and none is started once it is used up ({@link EcsDeadline})
 * @param maxAttempts attempts per call (first try plus retries) of the SDK's standard retry
 *     strategy
 * @param maxWaiting the most web requests that may wait on ECS at once ({@link EcsBulkhead}); the
 *     default stays below the ECS client's 64 connections and leaves most of Tomcat's 200 threads
 *     free for pages that need no ECS call
 * @param waitForPlace how long a request beyond {@code maxWaiting} waits for a place before it is
 *     answered "too many requests are waiting on ECS" (503) without calling ECS
 */
@Validated
@ConfigurationProperties("dashboard.ecs")
public record EcsProperties(
    @NotNull @DefaultValue("aws") Mode mode,
    String region,
    URI endpoint,
    @NotNull @DefaultValue("2s") Duration connectTimeout,
    @NotNull @DefaultValue("5s") Duration apiCallAttemptTimeout,
    @NotNull @DefaultValue("15s") Duration apiCallTimeout,
    @NotNull @DefaultValue("20s") Duration requestTimeout,
    @Min(1) @Max(10) @DefaultValue("4") int maxAttempts,
    @Min(1) @DefaultValue("50") int maxWaiting,
    @NotNull @DefaultValue("100ms") Duration waitForPlace) {

  /** Which ECS the dashboard talks to. */
  public enum Mode {
    /** The real ECS API (or an emulator at {@code dashboard.ecs.endpoint}). */
    AWS,
    /** The in-process simulated ECS with seeded demo data. */
    DEMO
  }
}
