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
import dev.ecsdashboard.audit.BulkStopLedger;
import dev.ecsdashboard.demo.MutableClock;
import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.security.ClusterAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.access.AccessDeniedException;

/** Bulk stops against a flaky in-memory ECS, with the real audit store on H2. */
class BulkStopServiceTest {

  @TempDir Path directory;
  private SingleConnectionDataSource dataSource;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
  private AuditStore audit;
  private BulkStopLedger ledger;
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
    audit = new AuditStore(JdbcClient.create(dataSource), clock);
    ledger = new BulkStopLedger(JdbcClient.create(dataSource), audit);
    StopProperties.Bulk bulk =
        new StopProperties.Bulk(
            4, 1000, Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofMillis(50), 4);
    runner = new BulkStopRunner(ecs, audit, ledger, bulk, clock);
    service = service(bulk, runner);
    given(access.currentUser()).willReturn("operator");
  }

  private BulkStopService service(StopProperties.Bulk bulk, BulkStopRunner runner) {
    return new BulkStopService(
        ecs,
        new ArnScope("us-east-1", "123456789012"),
        access,
        audit,
        ledger,
        ReasonPolicyTest.policy(true, "{user}: {reason}"),
        runner,
        bulk,
        clock);
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
  void recordsARefusedBulkStopOfAThousandTasksAsOneRecordWithItsCount() {
    List<String> madeUp = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      madeUp.add(String.format("%032x", i));
    }
    willThrow(new AccessDeniedException("no")).given(access).checkStop("prod");

    assertThatThrownBy(() -> service.start(ClusterRef.of("prod"), madeUp, "cleanup"))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(audit.findAll(AuditFilter.ALL))
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(AuditOutcome.REFUSED))
        .satisfies(r -> assertThat(r.taskCount()).isEqualTo(1000))
        .satisfies(r -> assertThat(r.taskId()).isNull());
    assertThat(ecs.stops).isEmpty();
  }

  @Test
  void refusesAUserWhoMayNotStopBeforeLookingAtAnythingElse() {
    willThrow(new AccessDeniedException("no")).given(access).checkStop("prod");
    List<BulkStopRequest> wrongInEveryWay =
        List.of(
            new BulkStopRequest("prod", List.of(), null, null, "", false, null),
            new BulkStopRequest("prod", List.of("<script>"), null, null, "x\u202e", false, null),
            new BulkStopRequest(
                "prod",
                List.of(),
                () -> {
                  throw new AssertionError("the filter is read after the access check");
                },
                "typo",
                "cleanup",
                false,
                null),
            new BulkStopRequest(
                "prod",
                ecs.addRunning(1),
                null,
                null,
                "cleanup",
                true,
                () -> {
                  throw new AssertionError("the caller's checks come after the access check");
                }));
    for (BulkStopRequest request : wrongInEveryWay) {
      assertThatThrownBy(() -> service.start(request)).isInstanceOf(AccessDeniedException.class);
    }
    assertThat(audit.findAll(AuditFilter.ALL))
        .hasSize(3) // the dry run is not recorded
        .allMatch(r -> r.outcome() == AuditOutcome.REFUSED);
    assertThat(ecs.stopCalls).isEmpty();
  }

  @Test
  void allMatchingWithNothingMatchingSaysSoAndStartsNothing() {
    BulkStopRequest request =
        new BulkStopRequest(
            "prod", List.of(), () -> TaskQuery.ALL_RUNNING, "prod", "cleanup", false, null);

    assertThatThrownBy(() -> service.start(request))
        .isInstanceOfSatisfying(
            InvalidStopInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("stop.tasks.none-matching"))
        .hasMessage("No task matches this filter; nothing was stopped.");
    assertThatThrownBy(() -> service.start(BulkStopRequest.of("prod", List.of(), "cleanup")))
        .isInstanceOf(InvalidStopInputException.class)
        .hasMessage("Select at least one task to stop.");
    assertThat(audit.findAll(AuditFilter.ALL)).isEmpty();
  }

  @Test
  void aDryRunDescribesTheTasksAndStopsAndRecordsNothing() {
    List<String> ids = new ArrayList<>(ecs.addRunning(1));
    String stopped = ecs.addRunning(1).get(0);
    ecs.tasks.computeIfPresent(stopped, (id, t) -> FlakyEcs.stopped(t, "alice: earlier"));
    ids.add(stopped);
    ids.add("ffffffffffffffffffffffffffffffff");

    BulkStop batch =
        service.start(new BulkStopRequest("prod", ids, null, null, "cleanup", true, null));

    assertThat(batch.isDone()).isTrue();
    assertThat(batch.isDryRun()).isTrue();
    assertThat(batch.tasks())
        .extracting(BulkTask::state, BulkTask::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BulkTaskState.WOULD_STOP, null),
            org.assertj.core.groups.Tuple.tuple(BulkTaskState.ALREADY_STOPPED, null),
            org.assertj.core.groups.Tuple.tuple(BulkTaskState.FAILED, "MISSING"));
    assertThat(ecs.stopCalls).isEmpty();
    assertThat(audit.findAll(AuditFilter.ALL)).isEmpty();
    assertThat(service.find("any")).isEmpty();
  }

  @Test
  void opensATasksRecordOnlyWhenItsStopTaskIsAboutToBeSent() throws Exception {
    List<String> ids = ecs.addRunning(40);
    List<Integer> recordsAtFirstStop = new ArrayList<>();
    String[] batchId = new String[1];
    ecs.beforeStop =
        id -> {
          synchronized (recordsAtFirstStop) {
            if (recordsAtFirstStop.isEmpty()) {
              recordsAtFirstStop.add(audit.findAll(AuditFilter.batch(batchId[0])).size());
            }
          }
        };
    ecs.tasks.computeIfPresent(ids.get(39), (id, t) -> FlakyEcs.stopped(t, "alice: earlier"));
    // The batch's ID is known once start returns; the first StopTask waits for it.
    synchronized (recordsAtFirstStop) {
      BulkStop batch = service.start(ClusterRef.of("prod"), ids, "cleanup");
      batchId[0] = batch.id();
    }

    BulkStop batch = service.find(batchId[0]).orElseThrow();
    assertThat(batch.await(Duration.ofSeconds(30))).isTrue();
    // At most the four calls in flight have their record of intent, and the task already stopped
    // its record at once; not all forty.
    assertThat(recordsAtFirstStop).singleElement().satisfies(n -> assertThat(n).isLessThan(6));
    assertThat(audit.findAll(AuditFilter.batch(batch.id()))).hasSize(40);
  }

  @Test
  void aBulkStopIsReadBackFromTheDatabaseWithEveryTaskAfterARestart() throws Exception {
    List<String> ids = ecs.addRunning(5);
    BulkStop batch = service.start(ClusterRef.of("prod"), ids, "cleanup");
    assertThat(batch.await(Duration.ofSeconds(30))).isTrue();

    // Another process (or this one restarted) on the same database, with nothing in memory.
    BulkStopService restarted =
        service(
            new StopProperties.Bulk(
                1, 1000, Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofMillis(50), 4),
            runner);
    BulkStop read = restarted.find(batch.id()).orElseThrow();

    assertThat(read.isDone()).isTrue();
    assertThat(read.reasonSent()).isEqualTo("operator: cleanup");
    assertThat(read.tasks()).extracting(BulkTask::taskId).containsExactlyElementsOf(ids);
    assertThat(read.counts()).containsEntry(BulkTaskState.STOPPED, 5);
    given(access.currentUser()).willReturn("someone-else");
    assertThat(restarted.find(batch.id())).isEmpty();
  }

  @Test
  void givesUpOnATaskThatKeepsFailingOnTheServerAfterMaxAttempts() throws Exception {
    List<String> ids = ecs.addRunning(2);
    ecs.serverErrors.add(ids.get(0));

    BulkStop batch = service.start(ClusterRef.of("prod"), ids, "cleanup");

    // The clock stands still: only the bound on attempts ends the retries, not the deadline.
    assertThat(batch.await(Duration.ofSeconds(30))).isTrue();
    assertThat(ecs.stopCalls.get(ids.get(0))).hasValue(4);
    assertThat(batch.tasks().get(0).state()).isEqualTo(BulkTaskState.FAILED);
    assertThat(batch.tasks().get(0).message()).startsWith("Gave up after 4 failed attempts");
    assertThat(batch.tasks().get(1).state()).isEqualTo(BulkTaskState.STOPPED);
    assertThat(audit.findAll(AuditFilter.batch(batch.id())))
        .extracting(AuditEntry::outcome)
        .containsExactlyInAnyOrder(AuditOutcome.FAILED, AuditOutcome.STOPPED);
  }

  @Test
  void keepsReQueuingAThrottledTaskUntilTheDeadline() throws Exception {
    String id = ecs.addRunning(1).get(0);
    ecs.throttledStops.add(id);
    ecs.beforeStop =
        task -> {
          if (ecs.stopCalls.get(task).get() == 10) {
            clock.advance(Duration.ofSeconds(31));
          }
        };

    BulkStop batch = service.start(ClusterRef.of("prod"), List.of(id), "cleanup");

    assertThat(batch.await(Duration.ofSeconds(30))).isTrue();
    assertThat(ecs.stopCalls.get(id)).hasValue(10);
    assertThat(batch.tasks().get(0).message()).startsWith("Gave up at the deadline");
  }

  @Test
  void recordsAStopThatLostTheRaceAsAlreadyStoppedWithTheReasonEcsKept() throws Exception {
    String id = ecs.addRunning(1).get(0);
    // Someone else's stop reaches ECS between the describe and this StopTask.
    ecs.beforeStop =
        task -> ecs.tasks.computeIfPresent(task, (k, t) -> FlakyEcs.stopped(t, "alice: first"));

    BulkStop batch = service.start(ClusterRef.of("prod"), List.of(id), "cleanup");

    assertThat(batch.await(Duration.ofSeconds(30))).isTrue();
    assertThat(batch.tasks().get(0).state()).isEqualTo(BulkTaskState.ALREADY_STOPPED);
    assertThat(audit.findAll(AuditFilter.batch(batch.id())))
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(AuditOutcome.ALREADY_STOPPED))
        .satisfies(r -> assertThat(r.errorMessage()).contains("alice: first"));
  }

  @Test
  void findsAllTasksMatchingAFilterOnEveryPage() {
    ecs.addRunning(250);

    assertThat(service.matching(ClusterRef.of("prod"), TaskQuery.ALL_RUNNING)).hasSize(250);
  }
}
