package dev.ecsdashboard.ecs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Micrometer metrics of every ECS call, from the SDK's own per-call metrics: {@value #CALLS} (a
 * timer by {@code operation} and {@code outcome}: {@code success}, {@code throttled}, {@code
 * server_error} (ECS answered 5xx), {@code client_error} (ECS answered 4xx, such as an unknown
 * cluster), {@code timeout}, {@code io_error}; retries included in the time) and {@value
 * #THROTTLED} (a counter of attempts ECS throttled, by {@code operation}, whether a retry then
 * succeeded or not).
 *
 * <p>It is registered as an {@link ExecutionInterceptor} bean, the hook every ECS client of the
 * dashboard already takes ({@link EcsClients#configure}), which adds it as the client's metric
 * publisher. (A cache in front of ECS adds its own hit and miss counts to the same registry.)
 */
public class EcsCallMetrics implements ExecutionInterceptor, MetricPublisher {

  public static final String CALLS = "ecs.calls";
  public static final String THROTTLED = "ecs.throttled.attempts";

  private static final String THROTTLING = "Throttling";

  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<Counter> throttledAttempts;

  public EcsCallMetrics(MeterRegistry registry) {
    this.calls =
        Timer.builder(CALLS).description("ECS calls, retries included").withRegistry(registry);
    this.throttledAttempts =
        Counter.builder(THROTTLED)
            .description("ECS call attempts answered with throttling")
            .withRegistry(registry);
  }

  @Override
  public void publish(MetricCollection call) {
    String operation = first(call.metricValues(CoreMetric.OPERATION_NAME), "unknown");
    List<MetricCollection> attempts = call.childrenWithName("ApiCallAttempt").toList();
    long throttled =
        attempts.stream()
            .flatMap(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream())
            .filter(THROTTLING::equals)
            .count();
    if (throttled > 0) {
      throttledAttempts.withTags("operation", operation).increment(throttled);
    }
    boolean success =
        Boolean.TRUE.equals(first(call.metricValues(CoreMetric.API_CALL_SUCCESSFUL), false));
    String outcome;
    if (success) {
      outcome = "success";
    } else {
      outcome = attempts.isEmpty() ? "client_error" : outcome(last(attempts));
    }
    Duration duration = first(call.metricValues(CoreMetric.API_CALL_DURATION), Duration.ZERO);
    calls.withTags("operation", operation, "outcome", outcome).record(duration);
  }

  /**
   * The outcome of a call that failed, from its last attempt. The SDK reports every error answer of
   * a service that is not throttling as {@code ServerError}, a 400 {@code ClusterNotFoundException}
   * as well as a 500 {@code ServerException}: the attempt's HTTP status tells them apart.
   */
  private static String outcome(MetricCollection attempt) {
    String errorType = first(attempt.metricValues(CoreMetric.ERROR_TYPE), null);
    if (errorType == null) {
      return "client_error";
    }
    return switch (errorType) {
      case THROTTLING -> "throttled";
      case "ServerError" -> {
        int status = first(attempt.metricValues(HttpMetric.HTTP_STATUS_CODE), 500);
        yield status >= 400 && status < 500 ? "client_error" : "server_error";
      }
      case "ConfiguredTimeout" -> "timeout";
      case "IO" -> "io_error";
      default -> "client_error";
    };
  }

  private static MetricCollection last(List<MetricCollection> attempts) {
    return attempts.get(attempts.size() - 1);
  }

  private static <T> T first(List<T> values, T fallback) {
    return values.isEmpty() ? fallback : values.get(0);
  }

  @Override
  public void close() {}
}
