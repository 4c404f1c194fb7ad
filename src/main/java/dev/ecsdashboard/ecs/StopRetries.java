package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ecs.EcsServiceClientConfiguration;

/**
 * The SDK retry strategies of StopTask, applied per request through a request-level {@link
 * SdkPlugin}. A stop is retried only when ECS throttled it, because a throttled call is known not
 * to have happened; a call that timed out or failed on the server may have stopped the task, and
 * repeating it blindly could stop a task twice, so it goes back to the caller, who checks first.
 */
final class StopRetries {

  /** Attempts of an ordinary stop, as many as the client's default for other calls. */
  static final int CAREFUL_ATTEMPTS = 4;

  /** Attempts of a patient (bulk) stop before the SDK gives up and the caller re-queues it. */
  static final int PATIENT_ATTEMPTS = 8;

  private static final Predicate<Throwable> THROTTLED =
      e ->
          e instanceof AwsServiceException service
              && (service.isThrottlingException()
                  || (service.awsErrorDetails() != null
                      && "ThrottlingException".equals(service.awsErrorDetails().errorCode())));

  private StopRetries() {}

  /** The standard strategy, retrying throttling only, with the client's attempt budget. */
  static SdkPlugin careful(int maxAttempts) {
    return plugin(
        StandardRetryStrategy.builder()
            .retryOnException(THROTTLED)
            .treatAsThrottling(THROTTLED)
            .maxAttempts(maxAttempts)
            .backoffStrategy(BackoffStrategy.exponentialDelay(ms(100), Duration.ofSeconds(1)))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(ms(250), Duration.ofSeconds(1)))
            .build());
  }

  /**
   * The adaptive strategy (client-side rate limiting that slows down when ECS throttles), retrying
   * throttling only, with a larger budget. One instance is shared by every patient stop so that
   * they share one rate limiter.
   */
  static SdkPlugin patient() {
    return plugin(
        AdaptiveRetryStrategy.builder()
            .retryOnException(THROTTLED)
            .treatAsThrottling(THROTTLED)
            .maxAttempts(PATIENT_ATTEMPTS)
            .backoffStrategy(BackoffStrategy.exponentialDelay(ms(100), Duration.ofSeconds(2)))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(ms(100), Duration.ofSeconds(2)))
            .build());
  }

  private static SdkPlugin plugin(RetryStrategy strategy) {
    return config -> {
      EcsServiceClientConfiguration.Builder ecs = (EcsServiceClientConfiguration.Builder) config;
      ecs.overrideConfiguration(
          ecs.overrideConfiguration().toBuilder().retryStrategy(strategy).build());
    };
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
