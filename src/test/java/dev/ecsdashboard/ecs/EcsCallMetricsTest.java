package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsClients;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code ecs.calls} as the SDK's own call metrics make it, over the real SDK client and the demo
 * ECS's wire answers: each outcome label for what ECS answered.
 */
class EcsCallMetricsTest {

  final EcsProperties properties = DemoEcsProperties.withMaxAttempts(1);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final DemoEcs demo = DemoEcs.create(properties, DemoEcsProperties.DEMO, Clock.systemUTC());
  final DemoEcsHttpClient http = new DemoEcsHttpClient(demo);
  final EcsClient client =
      DemoEcsClients.create(properties, http, List.of(new EcsCallMetrics(registry)));
  final EcsTemplate ecs = new EcsTemplate(client, new ArnScope(demo.region(), null));

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void countsAnUnknownClusterAsAClientError() {
    assertThatThrownBy(
            () -> ecs.listTasks(ClusterRef.of("no-such-cluster"), TaskQuery.ALL_RUNNING, null, 100))
        .isInstanceOf(UnknownClusterException.class);

    assertThat(outcomes()).containsExactlyEntriesOf(Map.of("ListTasks client_error", 1L));
  }

  @Test
  void countsAServerExceptionAsAServerError() {
    http.setFaults(DemoFaults.NONE.withErrorRate(1));

    assertThatThrownBy(
            () -> ecs.listTasks(ClusterRef.of("default"), TaskQuery.ALL_RUNNING, null, 100))
        .isInstanceOf(EcsUnavailableException.class);

    assertThat(outcomes()).containsExactlyEntriesOf(Map.of("ListTasks server_error", 1L));
  }

  @Test
  void countsSuccessAndThrottlingAsBefore() {
    ecs.listTasks(ClusterRef.of("default"), TaskQuery.ALL_RUNNING, null, 100);
    http.setFaults(DemoFaults.NONE.withThrottleRate(1));
    assertThatThrownBy(
            () -> ecs.listTasks(ClusterRef.of("default"), TaskQuery.ALL_RUNNING, null, 100))
        .isInstanceOf(EcsThrottledException.class);

    assertThat(outcomes())
        .containsExactlyEntriesOf(
            new TreeMap<>(Map.of("ListTasks success", 1L, "ListTasks throttled", 1L)));
    assertThat(registry.get(EcsCallMetrics.THROTTLED).counter().count()).isEqualTo(1);
  }

  /** "operation outcome" to the number of calls. */
  private Map<String, Long> outcomes() {
    Map<String, Long> outcomes = new TreeMap<>();
    for (Timer timer : registry.find(EcsCallMetrics.CALLS).timers()) {
      outcomes.put(
          timer.getId().getTag("operation") + " " + timer.getId().getTag("outcome"), timer.count());
    }
    return outcomes;
  }
}
