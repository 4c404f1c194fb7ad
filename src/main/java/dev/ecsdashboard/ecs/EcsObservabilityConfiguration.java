package dev.ecsdashboard.ecs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.ecs.EcsClient;

/** ECS call metrics and the cached {@code ecs} health component, for every mode's client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EcsObservabilityConfiguration.HealthProperties.class)
class EcsObservabilityConfiguration {

  @Bean
  EcsCallMetrics ecsCallMetrics(MeterRegistry registry) {
    return new EcsCallMetrics(registry);
  }

  @Bean("ecs")
  EcsHealthIndicator ecsHealthIndicator(
      EcsClient client, HealthProperties properties, ObjectProvider<Clock> clock) {
    return new EcsHealthIndicator(
        client,
        properties.interval(),
        properties.timeout(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The {@code ecs} health component.
   *
   * @param interval at most one ECS call per interval; the answer in between is the last one
   * @param timeout time the check's one call may take
   */
  @ConfigurationProperties("dashboard.ecs.health")
  record HealthProperties(
      @DefaultValue("30s") Duration interval, @DefaultValue("3s") Duration timeout) {}
}
