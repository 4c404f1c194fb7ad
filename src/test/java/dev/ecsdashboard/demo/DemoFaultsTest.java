package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Latency and fault injection as the SDK's retry strategy and timeouts meet them, and the call
 * accounting that tests and benchmarks read.
 */
class DemoFaultsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(5);

  private DemoFixture demo = new DemoFixture();

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void completesARunWithAThirdOfCallsThrottledThanksToSdkRetries() {
    demo.http.setFaults(DemoFaults.NONE.withThrottleRate(0.3));

    for (int i = 0; i < 10; i++) {
      assertThat(
              demo.template
                  .listTasks(ClusterRef.of("staging-batch"), TaskQuery.ALL_RUNNING, null, 100)
                  .taskArns())
          .hasSize(22);
    }

    assertThat(demo.http.callCount("ListTasks")).isGreaterThan(10);
  }

  @Test
  void completesARunWithServerErrorsThanksToSdkRetries() {
    demo.http.setFaults(DemoFaults.NONE.withErrorRate(0.3));

    for (int i = 0; i < 10; i++) {
      assertThat(demo.template.describeClusters(List.of("default"))).hasSize(1);
    }

    assertThat(demo.http.callCount("DescribeClusters")).isGreaterThan(10);
  }

  @Test
  void endsAHangingCallAtTheAttemptTimeoutAsEcsUnavailable() {
    // The attempt timeout covers marshalling and signing too: warm the SDK (with the default,
    // generous timeouts) so that both attempts below get as far as the simulated ECS.
    demo.template.listClusterArns();
    demo.close();
    demo =
        new DemoFixture(DemoFixture.properties(Duration.ofMillis(400), Duration.ofSeconds(10), 2));
    demo.template.listClusterArns();
    demo.http.resetCounts();
    demo.http.setFaults(DemoFaults.NONE.withHangRate(1));
    long start = System.nanoTime();

    assertThatThrownBy(() -> demo.template.listClusterArns())
        .isInstanceOf(EcsUnavailableException.class)
        .hasCauseInstanceOf(ApiCallAttemptTimeoutException.class);

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isBetween(Duration.ofMillis(800), Duration.ofSeconds(10));
    assertThat(demo.http.callCount("ListClusters")).isEqualTo(2);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();

    demo.http.setFaults(DemoFaults.NONE);
    assertThat(demo.template.listClusterArns()).hasSize(3);
  }

  @Test
  void endsAHangingCallWhenTheCallerAborts() throws Exception {
    demo.http.setFaults(DemoFaults.NONE.withHangRate(1));
    ExecutableHttpRequest call = demo.http.prepareRequest(listClusters());
    CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> callQuietly(call));
    await().atMost(DEADLINE).until(() -> demo.http.callCount("ListClusters") == 1);

    call.abort();

    assertThatThrownBy(() -> result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void endsAHangingCallWhenItsThreadIsInterrupted() throws Exception {
    demo.http.setFaults(DemoFaults.NONE.withHangRate(1));
    AtomicReference<Thread> worker = new AtomicReference<>();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<Object> result =
          executor.submit(
              () -> {
                worker.set(Thread.currentThread());
                return demo.http.prepareRequest(listClusters()).call();
              });
      await().atMost(DEADLINE).until(() -> demo.http.callCount("ListClusters") == 1);

      worker.get().interrupt();

      assertThatThrownBy(() -> result.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .hasCauseInstanceOf(InterruptedIOException.class);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void delaysEveryCallByTheLatency() {
    demo.http.setFaults(DemoFaults.NONE.withLatency(Duration.ofMillis(150)));
    long start = System.nanoTime();

    demo.client.listClusters();

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void countsCallsPerOperationAndLogsStopsUntilReset() {
    List<String> arns = demo.client.listTasks(r -> r.cluster("default")).taskArns();
    demo.template.describeTasks(ClusterRef.of("default"), arns);
    demo.template.stopTask(TaskRef.parse("default", arns.get(0)), "first");
    demo.client.stopTask(r -> r.task(arns.get(1)));

    assertThat(demo.http.callCounts())
        .containsEntry("ListTasks", 1L)
        .containsEntry("DescribeTasks", 1L)
        .containsEntry("StopTask", 2L);
    assertThat(demo.http.stopTaskCalls())
        .containsExactly(
            new StopTaskCall("default", id(arns.get(0)), "first"),
            new StopTaskCall(null, id(arns.get(1)), null));

    demo.http.resetCounts();

    assertThat(demo.http.callCounts()).isEmpty();
    assertThat(demo.http.callCount("StopTask")).isZero();
    assertThat(demo.http.stopTaskCalls()).isEmpty();
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    assertThatThrownBy(() -> DemoFaults.NONE.withThrottleRate(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DemoFaults.NONE.withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Object callQuietly(ExecutableHttpRequest call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }

  private static HttpExecuteRequest listClusters() {
    return HttpExecuteRequest.builder()
        .request(
            SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://ecs.us-east-1.amazonaws.com/"))
                .putHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                .build())
        .build();
  }

  private static String id(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
