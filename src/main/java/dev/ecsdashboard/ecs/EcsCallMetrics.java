package dev.ecsdashboard.ecs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Micrometer metrics of every ECS call, from the SDK's own per-call metrics: {@value #CALLS} (a
 * timer by {@code operation} and {@code outcome}: {@code success}, {@code throttled}, {@code
 * server_error}, {@code timeout}, {@code io_error}, {@code client_error}; retries included in the
 * time) and {@value #THROTTLED} (a counter of attempts ECS throttled, by {@code operation}, whether
 * a retry then succeeded or not).
 *
 * <p>It is registered as an {@link ExecutionInterceptor} bean, the hook every ECS client of the
 * dashboard already takes ({@link EcsClients#configure}), which adds it as the client's metric
 * publisher. (A cache in front of ECS adds its own hit and miss counts to the same registry.)
 */
public class EcsCallMetrics implements ExecutionInterceptor, MetricPublisher {

  public static final String CALLS = "ecs.calls";
  public static final String THROTTLED = "ecs.throttled.attempts";

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
    List<String> errors =
        call.children().stream()
            .flatMap(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream())
            .toList();
    long throttled = errors.stream().filter("Throttling"::equals).count();
    if (throttled > 0) {
      throttledAttempts.withTags("operation", operation).increment(throttled);
    }
    boolean success =
        Boolean.TRUE.equals(first(call.metricValues(CoreMetric.API_CALL_SUCCESSFUL), false));
    String outcome =
        success ? "success" : outcome(errors.isEmpty() ? null : errors.get(errors.size() - 1));
    Duration duration = first(call.metricValues(CoreMetric.API_CALL_DURATION), Duration.ZERO);
    calls.withTags("operation", operation, "outcome", outcome).record(duration);
  }

  private static String outcome(String errorType) {
    if (errorType == null) {
      return "client_error";
    }
    return switch (errorType) {
      case "Throttling" -> "throttled";
      case "ServerError" -> "server_error";
      case "ConfiguredTimeout" -> "timeout";
      case "IO" -> "io_error";
      default -> "client_error";
    };
  }

  private static <T> T first(List<T> values, T fallback) {
    return values.isEmpty() ? fallback : values.get(0);
  }

  @Override
  public void close() {}
}
