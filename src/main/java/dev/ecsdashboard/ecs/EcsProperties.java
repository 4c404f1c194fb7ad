package dev.ecsdashboard.ecs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param demo the simulated ECS of demo mode
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
    @NotNull @DefaultValue("100ms") Duration waitForPlace,
    @Valid @NotNull @DefaultValue Demo demo) {

  /** Which ECS the dashboard talks to. */
  public enum Mode {
    /** The real ECS API (or an emulator at {@code dashboard.ecs.endpoint}). */
    AWS,
    /** The in-process simulated ECS with seeded demo data. */
    DEMO
  }

  /**
   * The simulated ECS of demo mode. Faults are off by default; the performance and resilience
   * checks turn them on.
   *
   * @param latency time added to every call, as if ECS were across a network
   * @param throttleRate share of calls answered with ThrottlingException (0 to 1)
   * @param errorRate share of calls answered with a ServerException (0 to 1)
   * @param hangRate share of calls that hang until the caller's timeout (0 to 1)
   * @param seed seed of the generated data and of the fault dice
   * @param extraClusters additional generated clusters as {@code name:taskCount}, for load tests
   */
  public record Demo(
      @NotNull @DefaultValue("0ms") Duration latency,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double throttleRate,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double errorRate,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double hangRate,
      @DefaultValue("42") long seed,
      @NotNull @DefaultValue List<String> extraClusters) {}
}
