package dev.ecsdashboard.ecs;

import java.util.List;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

/**
 * What every {@code EcsClient} of the dashboard shares, real or simulated: the SDK's standard retry
 * strategy with a bounded number of attempts, the call timeouts, and the interceptors that count
 * calls.
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
        });
  }
}
