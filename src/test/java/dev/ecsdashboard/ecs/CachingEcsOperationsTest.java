package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsClients;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.demo.DemoFaults;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The read cache over the demo ECS and the real SDK client, counting the calls the demo ECS
 * receives. Time is a test ticker: nothing here waits for the cache to expire.
 */
class CachingEcsOperationsTest {

  static final Duration FRESHNESS = Duration.ofSeconds(5);
  static final Duration STALE_FOR = Duration.ofMinutes(5);

  final EcsProperties properties = DemoEcsProperties.withMaxAttempts(1);
  final DemoEcs demo = DemoEcs.create(properties, DemoEcsProperties.DEMO, Clock.systemUTC());
  final DemoEcsHttpClient http = new DemoEcsHttpClient(demo);
  final EcsClient client = DemoEcsClients.create(properties, http, List.of());
  final AtomicLong nanos = new AtomicLong();
  final CachingEcsOperations ecs =
      new CachingEcsOperations(
          new EcsTemplate(client, new ArnScope(demo.region(), null)),
          new EcsCacheProperties(FRESHNESS, STALE_FOR, 50_000),
          nanos::get);

  final ClusterRef prodWeb = ClusterRef.of("prod-web");
  final ClusterRef staging = ClusterRef.of("staging-batch");

  @AfterEach
  void close() {
    StaleReads.clear();
    client.close();
  }

  @Test
  void concurrentIdenticalReadsShareOneCall() throws Exception {
    TaskRef task = runningTask(prodWeb);
    http.setFaults(DemoFaults.NONE.withLatency(Duration.ofMillis(300)));
    int readers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Task>> answers = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return ecs.describeTask(task);
                }));
      }
      start.countDown();
      for (Future<Task> answer : answers) {
        assertThat(answer.get().taskArn()).endsWith(task.id());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(http.callCounts()).containsExactlyEntriesOf(java.util.Map.of("DescribeTasks", 1L));
  }

  @Test
  void repeatedReadsWithinTheFreshnessCostNothingAndLaterOnesAskAgain() {
    TaskRef task = runningTask(prodWeb);

    for (int i = 0; i < 5; i++) {
      readPage(prodWeb);
      ecs.describeTask(task);
      nanos.addAndGet(FRESHNESS.toNanos() / 10);
    }
    assertThat(http.callCount("ListTasks")).isEqualTo(1);
    assertThat(http.callCount("DescribeTasks")).isEqualTo(2);

    nanos.addAndGet(FRESHNESS.toNanos());
    readPage(prodWeb);
    ecs.describeTask(task);
    assertThat(http.callCount("ListTasks")).isEqualTo(2);
    assertThat(http.callCount("DescribeTasks")).isEqualTo(4);
  }

  @Test
  void everythingThatDecidesTheAnswerIsPartOfTheKey() {
    EcsOperations.TaskArnPage first = ecs.listTasks(prodWeb, TaskQuery.ALL_RUNNING, null, 100);
    ecs.listTasks(prodWeb, TaskQuery.ALL_RUNNING, null, 100);
    ecs.listTasks(prodWeb, TaskQuery.ALL_RUNNING, null, 50);
    ecs.listTasks(prodWeb, TaskQuery.ALL_RUNNING, first.nextToken(), 100);
    ecs.listTasks(prodWeb, TaskQuery.withDesiredStatus(DesiredStatus.STOPPED), null, 100);
    ecs.listTasks(prodWeb, new TaskQuery(null, "checkout-api", null, null, null, null), null, 100);
    ecs.listTasks(staging, TaskQuery.ALL_RUNNING, null, 100);
    assertThat(http.callCount("ListTasks")).isEqualTo(6);

    List<String> arns = first.taskArns();
    ecs.describeTasks(prodWeb, arns);
    ecs.describeTasks(prodWeb, arns.subList(0, 10));
    ecs.describeTasks(prodWeb, arns);
    assertThat(http.callCount("DescribeTasks")).isEqualTo(2);
  }

  @Test
  void aTaskArnOfAnotherAccountIsRefusedEvenWhenTheTaskIsCached() {
    TaskRef task = runningTask(prodWeb);
    ecs.describeTask(task);
    String foreign = "arn:aws:ecs:" + demo.region() + ":999999999999:task/prod-web/" + task.id();

    assertThatThrownBy(() -> ecs.describeTask(TaskRef.parse(null, foreign)))
        .isInstanceOf(InvalidReferenceException.class);
  }

  @Test
  void aStopMakesTheTaskAndItsClustersListsFreshAtOnce() {
    TaskRef task = runningTask(prodWeb);
    readPage(prodWeb);
    readPage(staging);
    ecs.describeTask(task);
    http.resetCounts();

    Task stopped = ecs.stopTask(task, "test: cache");
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(ecs.describeTask(task).desiredStatus()).isEqualTo("STOPPED");
    readPage(prodWeb);
    readPage(staging);

    assertThat(http.callCount("StopTask")).isEqualTo(1);
    assertThat(http.callCount("DescribeTasks")).isEqualTo(2);
    assertThat(http.callCount("ListTasks")).as("staging-batch's list stays cached").isEqualTo(1);
  }

  @Test
  void aFailedStopForgetsTheClusterToo() {
    TaskRef task = runningTask(prodWeb);
    ecs.describeTask(task);
    http.setFaults(DemoFaults.NONE.withErrorRate(1));
    assertThatThrownBy(() -> ecs.stopTask(task, "test: lost answer"))
        .isInstanceOf(EcsUnavailableException.class);
    http.setFaults(DemoFaults.NONE);
    http.resetCounts();

    ecs.describeTask(task);

    assertThat(http.callCount("DescribeTasks")).isEqualTo(1);
  }

  @Test
  void servesTheLastGoodAnswerWithItsAgeToPagesWhenEcsFails() {
    TaskRef task = runningTask(prodWeb);
    Task good = ecs.describeTask(task);
    nanos.addAndGet(Duration.ofSeconds(42).toNanos());
    http.setFaults(DemoFaults.NONE.withThrottleRate(1));

    StaleReads.track();
    assertThat(StaleReads.oldestSeconds()).isEmpty();
    assertThat(ecs.describeTask(task)).isSameAs(good);
    assertThat(StaleReads.oldestSeconds()).hasValue(42);

    StaleReads.clear();
    assertThatThrownBy(() -> ecs.describeTask(task))
        .as("work that cannot show the age gets ECS's error")
        .isInstanceOf(EcsThrottledException.class);
  }

  @Test
  void decisionsNeverGetAnOldCopy() {
    TaskRef task = runningTask(prodWeb);
    ecs.describeTask(task);
    nanos.addAndGet(FRESHNESS.toNanos());
    http.setFaults(DemoFaults.NONE.withThrottleRate(1));
    StaleReads.track();

    assertThatThrownBy(() -> StaleReads.untracked(() -> ecs.describeTask(task)))
        .isInstanceOf(EcsThrottledException.class);
    assertThat(StaleReads.oldestSeconds()).isEmpty();
  }

  @Test
  void aBulkStopsPatientStopForgetsTheClusterToo() {
    TaskRef task = runningTask(staging);
    readPage(staging);
    http.resetCounts();

    ecs.stopTaskPatiently(task, "test: bulk");
    readPage(staging);

    assertThat(http.callCount("ListTasks")).isEqualTo(1);
  }

  @Test
  void publishesHitsAndMisses() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ecs.bindTo(registry);

    readPage(prodWeb);
    readPage(prodWeb);
    readPage(prodWeb);

    assertThat(gets(registry, "miss")).isEqualTo(2);
    assertThat(gets(registry, "hit")).isEqualTo(4);
  }

  private static double gets(SimpleMeterRegistry registry, String result) {
    return registry
        .get("cache.gets")
        .tag("cache", "ecs-reads")
        .tag("result", result)
        .functionCounter()
        .count();
  }

  @Test
  void forgetsTheLastGoodAnswerAfterTheStaleWindow() {
    TaskRef task = runningTask(prodWeb);
    ecs.describeTask(task);
    nanos.addAndGet(STALE_FOR.toNanos() + 1);
    http.setFaults(DemoFaults.NONE.withErrorRate(1));
    StaleReads.track();

    assertThatThrownBy(() -> ecs.describeTask(task)).isInstanceOf(EcsUnavailableException.class);
  }

  @Test
  void failuresAreNotCached() {
    TaskRef task = runningTask(prodWeb);
    http.setFaults(DemoFaults.NONE.withThrottleRate(1));
    assertThatThrownBy(() -> ecs.describeTask(task)).isInstanceOf(EcsThrottledException.class);
    http.setFaults(DemoFaults.NONE);

    assertThat(ecs.describeTask(task).taskArn()).endsWith(task.id());
    assertThat(http.callCount("DescribeTasks")).isEqualTo(2);
  }

  @Test
  void withZeroFreshnessEveryReadAsksEcs() {
    CachingEcsOperations uncached =
        new CachingEcsOperations(
            new EcsTemplate(client, new ArnScope(demo.region(), null)),
            new EcsCacheProperties(Duration.ZERO, STALE_FOR, 50_000),
            nanos::get);
    TaskRef task = runningTask(prodWeb);

    uncached.describeTask(task);
    uncached.describeTask(task);

    assertThat(http.callCount("DescribeTasks")).isEqualTo(2);
  }

  @Test
  void aReadThatJoinsAnotherRequestsCallWaitsNoLongerThanItsOwnTime() throws Exception {
    TaskRef task = runningTask(prodWeb);
    http.setFaults(DemoFaults.NONE.withHangRate(1));
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      // Another request's call, which may wait 3 s: the SDK's call timeout is cut to its time.
      Future<Task> first =
          other.submit(
              () -> {
                try (EcsDeadline deadline = EcsDeadline.start(Duration.ofSeconds(3))) {
                  return ecs.describeTask(task);
                }
              });
      await().atMost(Duration.ofSeconds(10)).until(() -> http.callCount("DescribeTasks") == 1);

      long start = System.nanoTime();
      try (EcsDeadline mine = EcsDeadline.start(Duration.ofMillis(200))) {
        assertThatThrownBy(() -> ecs.describeTask(task)).isInstanceOf(EcsTimeBudgetException.class);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).isLessThan(Duration.ofMillis(1500));
      assertThat(first.isDone()).as("the other request's call goes on").isFalse();
      assertThat(http.callCount("DescribeTasks")).isEqualTo(1);
      assertThatThrownBy(first::get).hasCauseInstanceOf(EcsUnavailableException.class);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void aFailedReadGivesCaffeineNothingToLog() {
    // Caffeine logs every exceptional completion of a cached future as a warning with its stack
    // trace (140 lines for an unknown task); the read's caller decides what to log.
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger caffeine = Logger.getLogger("com.github.benmanes.caffeine");
    caffeine.addHandler(handler);
    TaskRef unknown = TaskRef.parse(prodWeb.name(), "0123456789abcdef0123456789abcdef");
    try {
      assertThatThrownBy(() -> ecs.describeTask(unknown)).isInstanceOf(UnknownTaskException.class);
      assertThatThrownBy(() -> ecs.describeTask(unknown)).isInstanceOf(UnknownTaskException.class);
    } finally {
      caffeine.removeHandler(handler);
    }

    assertThat(http.callCount("DescribeTasks")).as("failures are not cached").isEqualTo(2);
    assertThat(warnings).isEmpty();
  }

  @Test
  void withEveryPlaceAmongThoseWaitingTakenOnlyCachedAndOldAnswersAreServed() {
    EcsBulkhead bulkhead = new EcsBulkhead(1, Duration.ZERO);
    readPage(staging);
    nanos.addAndGet(FRESHNESS.toNanos());
    readPage(prodWeb);
    TaskRef notRead = runningTask(staging);
    http.resetCounts();
    // Another request waits on ECS in the only place.
    assertThat(bulkhead.enter(Duration.ZERO)).isTrue();
    try (EcsDeadline request = EcsDeadline.start(Duration.ofSeconds(20), bulkhead)) {
      StaleReads.track();

      readPage(prodWeb);
      readPage(staging);
      assertThat(StaleReads.oldestSeconds()).hasValue(FRESHNESS.toSeconds());
      StaleReads.clear();
      assertThatThrownBy(() -> ecs.describeTask(notRead)).isInstanceOf(EcsBusyException.class);
    } finally {
      bulkhead.leave();
    }

    assertThat(http.callCounts()).isEmpty();
    assertThat(bulkhead.waiting()).isZero();
  }

  private void readPage(ClusterRef cluster) {
    EcsOperations.TaskArnPage page = ecs.listTasks(cluster, TaskQuery.ALL_RUNNING, null, 100);
    ecs.describeTasks(cluster, page.taskArns());
  }

  private TaskRef runningTask(ClusterRef cluster) {
    String arn =
        demo.tasks(cluster.name()).stream()
            .filter(t -> "RUNNING".equals(t.desiredStatus()) && "RUNNING".equals(t.lastStatus()))
            .findFirst()
            .orElseThrow()
            .taskArn();
    return TaskRef.parse(cluster.name(), arn.substring(arn.lastIndexOf('/') + 1));
  }
}
