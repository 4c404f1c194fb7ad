package dev.ecsdashboard.ecs;

import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * What every {@code EcsClient} of the dashboard shares, real or simulated: the SDK's standard retry
 * strategy with a bounded number of attempts, the call timeouts, the interceptors that count calls,
 * and the metric publishers among them ({@link EcsCallMetrics}).
 */
public final class EcsClients {

  private EcsClients() {}

  public static EcsClientBuilder configure(
      EcsClientBuilder builder, EcsProperties properties, List<ExecutionInterceptor> interceptors) {
    return builder.overrideConfiguration(
        c -> {
          c.retryStrategy(
                  AwsRetryStrategy.standardRetryStrategy().toBuilder()
                      .maxAttempts(properties.maxAttempts())
                      .build())
              .apiCallTimeout(properties.apiCallTimeout())
              .apiCallAttemptTimeout(properties.apiCallAttemptTimeout());
          interceptors.forEach(c::addExecutionInterceptor);
          // An interceptor that is also a metric publisher (EcsCallMetrics) gets every call's
          // metrics as well.
          interceptors.stream()
              .filter(MetricPublisher.class::isInstance)
              .map(MetricPublisher.class::cast)
              .forEach(c::addMetricPublisher);
        });
  }
}
