package dev.ecsdashboard.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditFilter;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.access.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/** Bulk stops against a flaky in-memory ECS, with the real audit store on H2. */
class BulkStopServiceTest {

  @TempDir Path directory;
  private SingleConnectionDataSource dataSource;
  private AuditStore audit;
  private BulkStopRunner runner;
  private final FlakyEcs ecs = new FlakyEcs();
  private final ClusterAccess access = mock(ClusterAccess.class);
  private BulkStopService service;

  @BeforeEach
  void setUp() {
    dataSource =
        new SingleConnectionDataSource(
            "jdbc:h2:file:" + directory.resolve("audit") + ";WRITE_DELAY=0", true);
    Flyway.configure().dataSource(dataSource).load().migrate();
    audit = new AuditStore(JdbcClient.create(dataSource), Clock.systemUTC());
    StopProperties.Bulk bulk =
        new StopProperties.Bulk(
            4, 1000, Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofMillis(50));
    runner = new BulkStopRunner(ecs, audit, bulk, Clock.systemUTC());
    service =
        new BulkStopService(
            ecs,
            new ArnScope("us-east-1", "123456789012"),
            access,
            audit,
            ReasonPolicyTest.policy(true, "{user}: {reason}"),
            runner,
            bulk,
            Clock.systemUTC());
    given(access.currentUser()).willReturn("operator");
  }

  @AfterEach
  void tearDown() throws Exception {
    runner.destroy();
    dataSource.destroy();
  }

  @Test
  void stopsEveryTaskExactlyOnceUnderThrottlingAndLostAnswers() throws Exception {
    List<String> ids = ecs.addRunning(50);
    ecs.throttleRate = 0.4;
    ecs.lostAnswerRate = 0.1;

    BulkStop batch = service.start(ClusterRef.of("prod"), ids, "rolling restart");

    assertThat(batch.await(Duration.ofSeconds(30))).isTrue();
    assertThat(batch.counts().get(BulkTaskState.STOPPED)).isEqualTo(50);
    assertThat(ecs.stops).hasSize(50);
    assertThat(ecs.stops.values()).allMatch(count -> count.get() == 1);
    assertThat(ecs.throttled.get()).isPositive();
    List<AuditEntry> records = audit.findAll(AuditFilter.batch(batch.id()));
    assertThat(records).hasSize(50).allMatch(r -> r.outcome() == AuditOutcome.STOPPED);
    assertThat(records).allMatch(r -> r.tags().equals(Map.of("owner", "team-a")));
    assertThat(records).allMatch(r -> "operator: rolling restart".equals(r.attempt().reasonSent()));
  }

  @Test
  void reportsEachOutcomeAlreadyStoppedMissingAndRejected() throws Exception {
    List<String> ids = new ArrayList<>(ecs.addRunning(2));
    String stopped = ecs.addRunning(1).get(0);
    ecs.tasks.computeIfPresent(
        stopped, (id, t) -> t.toBuilder().desiredStatus("STOPPED").lastStatus("STOPPED").build());
    String missing = "ffffffffffffffffffffffffffffffff";
    ecs.rejected = ids.get(1);
    ids.add(stopped);
    ids.add(missing);
    ids.add(ids.get(0)); // listed twice, stopped once

    BulkStop batch = service.start(ClusterRef.of("prod"), ids, "cleanup");

    assertThat(batch.await(Duration.ofSeconds(10))).isTrue();
    assertThat(batch.tasks())
        .extracting(BulkTask::taskId, BulkTask::state, BulkTask::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ids.get(0), BulkTaskState.STOPPED, null),
            org.assertj.core.groups.Tuple.tuple(
                ids.get(1), BulkTaskState.FAILED, "InvalidParameterException"),
            org.assertj.core.groups.Tuple.tuple(stopped, BulkTaskState.ALREADY_STOPPED, null),
            org.assertj.core.groups.Tuple.tuple(missing, BulkTaskState.FAILED, "MISSING"));
    assertThat(audit.findAll(AuditFilter.batch(batch.id())))
        .extracting(AuditEntry::outcome)
        .containsExactlyInAnyOrder(
            AuditOutcome.STOPPED,
            AuditOutcome.FAILED,
            AuditOutcome.ALREADY_STOPPED,
            AuditOutcome.FAILED);
  }

  @Test
  void refusesAWholeBulkStopWithATaskArnOfAnotherRegionOrAccountBeforeStoppingAny() {
    List<String> ids = new ArrayList<>(ecs.addRunning(2));
    for (String foreign :
        List.of(
            "arn:aws:ecs:eu-west-1:123456789012:task/prod/" + ids.get(1),
            "arn:aws:ecs:us-east-1:999999999999:task/prod/" + ids.get(1))) {
      List<String> tasks = List.of(ids.get(0), foreign);

      assertThatThrownBy(() -> service.start(ClusterRef.of("prod"), tasks, "cleanup"))
          .isInstanceOf(InvalidReferenceException.class);
    }
    assertThat(ecs.stops).isEmpty();
    assertThat(audit.findAll(AuditFilter.ALL)).isEmpty();
  }

  @Test
  void recordsEveryTaskOfARefusedBulkStop() {
    List<String> ids = ecs.addRunning(3);
    willThrow(new AccessDeniedException("no")).given(access).checkStop("prod");

    assertThatThrownBy(() -> service.start(ClusterRef.of("prod"), ids, "cleanup"))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(audit.findAll(AuditFilter.ALL))
        .hasSize(3)
        .allMatch(r -> r.outcome() == AuditOutcome.REFUSED);
    assertThat(ecs.stops).isEmpty();
  }

  @Test
  void findsAllTasksMatchingAFilterOnEveryPage() {
    ecs.addRunning(250);

    assertThat(service.matching(ClusterRef.of("prod"), TaskQuery.ALL_RUNNING)).hasSize(250);
  }

  /** An in-memory ECS that throttles, and sometimes stops a task but loses the answer. */
  static class FlakyEcs implements EcsOperations {

    final Map<String, Task> tasks = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> stops = new ConcurrentHashMap<>();
    final AtomicInteger throttled = new AtomicInteger();
    final Random dice = new Random(7);
    volatile double throttleRate;
    volatile double lostAnswerRate;
    volatile String rejected;

    List<String> addRunning(int count) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] bytes = new byte[16];
        dice.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        tasks.put(
            id,
            Task.builder()
                .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod/" + id)
                .group("family:job")
                .desiredStatus("RUNNING")
                .lastStatus("RUNNING")
                .tags(Tag.builder().key("owner").value("team-a").build())
                .build());
        ids.add(id);
      }
      return ids;
    }

    private synchronized boolean roll(double rate) {
      return dice.nextDouble() < rate;
    }

    @Override
    public List<String> listClusterArns() {
      return List.of();
    }

    @Override
    public List<software.amazon.awssdk.services.ecs.model.Cluster> describeClusters(
        List<String> clusters) {
      return List.of();
    }

    @Override
    public TaskArnPage listTasks(
        ClusterRef cluster, TaskQuery query, String nextToken, int maxResults) {
      List<String> arns = tasks.values().stream().map(Task::taskArn).sorted().toList();
      int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
      int to = Math.min(arns.size(), from + maxResults);
      return new TaskArnPage(arns.subList(from, to), to < arns.size() ? "" + to : null);
    }

    @Override
    public DescribedTasks describeTasks(ClusterRef cluster, List<String> ids) {
      if (roll(throttleRate)) {
        throttled.incrementAndGet();
        throw new EcsThrottledException(
            "DescribeTasks", "ThrottlingException", "Rate exceeded", null);
      }
      List<Task> found = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String id : ids) {
        Task task = tasks.get(id);
        if (task == null) {
          failures.add(Failure.builder().arn(id).reason("MISSING").build());
        } else {
          found.add(task);
        }
      }
      return new DescribedTasks(found, failures);
    }

    @Override
    public Task describeTask(TaskRef task) {
      return tasks.get(task.id());
    }

    @Override
    public Task stopTask(TaskRef task, String reason) {
      throw new AssertionError("a bulk stop stops patiently");
    }

    @Override
    public Task stopTaskPatiently(TaskRef task, String reason) {
      if (roll(throttleRate)) {
        throttled.incrementAndGet();
        throw new EcsThrottledException("StopTask", "ThrottlingException", "Rate exceeded", null);
      }
      if (task.id().equals(rejected)) {
        throw new dev.ecsdashboard.ecs.EcsInvalidParameterException(
            "StopTask", "InvalidParameterException", "Nope.", null);
      }
      stops.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
      Task after =
          tasks.computeIfPresent(
              task.id(),
              (id, t) ->
                  t.toBuilder()
                      .desiredStatus("STOPPED")
                      .stoppedReason(reason)
                      .tags(List.of())
                      .build());
      if (roll(lostAnswerRate)) {
        throw new EcsUnavailableException("StopTask", null, "Read timed out", null);
      }
      return after;
    }
  }
}
