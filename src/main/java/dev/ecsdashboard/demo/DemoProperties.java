package dev.ecsdashboard.demo;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated ECS of demo mode ({@code dashboard.ecs.mode=demo}). Faults are off by default; the
 * performance and resilience checks turn them on.
 *
 * @param latency time added to every call, as if ECS were across a network
 * @param throttleRate share of calls answered with ThrottlingException (0 to 1)
 * @param errorRate share of calls answered with a ServerException (0 to 1)
 * @param hangRate share of calls that hang until the caller's timeout (0 to 1)
 * @param seed seed of the generated data and of the fault dice
 * @param extraClusters additional generated clusters as {@code name:taskCount}, for load tests
 */
@Validated
@ConfigurationProperties("dashboard.demo")
public record DemoProperties(
    @NotNull @DefaultValue("0ms") Duration latency,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double throttleRate,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double errorRate,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double hangRate,
    @DefaultValue("42") long seed,
    @NotNull @DefaultValue List<String> extraClusters) {}
