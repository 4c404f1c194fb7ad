package dev.ecsdashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the audit store does on every database it supports; subclasses bring the database (H2,
 * PostgreSQL), migrated by the application's Flyway migrations.
 */
abstract class AuditStoreContract {

  static final String ARN =
      "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef";

  /** A migrated, empty database of this kind. */
  abstract DataSource dataSource();

  AuditStore newStore() {
    return new AuditStore(JdbcClient.create(dataSource()), java.time.Clock.systemUTC());
  }

  AuditInstances instances(AuditStore store) {
    return new AuditInstances(JdbcClient.create(dataSource()), store);
  }

  static StopAttempt attempt(String user, String cluster) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("team", "payments");
    tags.put("env", "prod ünïcode");
    return new StopAttempt(
        null,
        user,
        cluster,
        ARN,
        "service:web",
        tags,
        "  draining node ",
        "operator: draining node");
  }

  @Test
  void writesTheIntentBeforeTheCallAndCompletesItAfter() {
    AuditStore store = newStore();
    long id = store.open(attempt("operator", "prod"));

    AuditEntry open = store.find(id).orElseThrow();
    assertThat(open.outcome()).isEqualTo(AuditOutcome.PENDING);
    assertThat(open.completedAt()).isNull();

    AuditEntry done = store.complete(id, AuditOutcome.STOPPED, null, null);
    assertThat(done.outcome()).isEqualTo(AuditOutcome.STOPPED);
    assertThat(done.completedAt()).isAfterOrEqualTo(done.startedAt());
  }

  @Test
  void keepsEveryFieldOfTheAttempt() {
    AuditStore store = newStore();
    AuditEntry entry =
        store.record(
            attempt("operator", "prod"),
            AuditOutcome.FAILED,
            "InvalidParameterException",
            "The referenced task was not found.");

    AuditEntry read = store.find(entry.id()).orElseThrow();
    assertThat(read.user()).isEqualTo("operator");
    assertThat(read.cluster()).isEqualTo("prod");
    assertThat(read.taskArn()).isEqualTo(ARN);
    assertThat(read.taskId()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(read.attempt().taskGroup()).isEqualTo("service:web");
    assertThat(read.tags())
        .containsExactly(Map.entry("team", "payments"), Map.entry("env", "prod ünïcode"));
    assertThat(read.attempt().reasonTyped()).isEqualTo("  draining node ");
    assertThat(read.attempt().reasonSent()).isEqualTo("operator: draining node");
    assertThat(read.errorCode()).isEqualTo("InvalidParameterException");
    assertThat(read.errorMessage()).isEqualTo("The referenced task was not found.");
    assertThat(read.startedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
  }

  @Test
  void pagesNewestFirstAndFilters() {
    AuditStore store = newStore();
    for (int i = 0; i < 5; i++) {
      store.record(attempt("alice", "prod"), AuditOutcome.STOPPED, null, null);
    }
    store.record(attempt("bob", "staging"), AuditOutcome.REFUSED, "AccessDenied", "no");
    long newest = store.record(attempt("alice", "staging"), AuditOutcome.STOPPED, null, null).id();

    AuditPage first = store.find(AuditFilter.ALL, 0, 3);
    assertThat(first.total()).isEqualTo(7);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.entries()).hasSize(3);
    assertThat(first.entries().get(0).id()).isEqualTo(newest);
    assertThat(store.find(AuditFilter.ALL, 2, 3).entries()).hasSize(1);

    assertThat(store.find(AuditFilter.ALL.withUser("alice"), 0, 50).total()).isEqualTo(6);
    assertThat(store.find(new AuditFilter(null, "staging", null, null), 0, 50).total())
        .isEqualTo(2);
    assertThat(
            store.find(new AuditFilter("bob", null, AuditOutcome.REFUSED, null), 0, 50).entries())
        .singleElement()
        .extracting(AuditEntry::errorCode)
        .isEqualTo("AccessDenied");
  }

  @Test
  void findsTheRecordsOfABulkStop() {
    AuditStore store = newStore();
    StopAttempt base = attempt("alice", "prod");
    StopAttempt inBatch =
        new StopAttempt(
            "batch-1",
            base.user(),
            base.cluster(),
            base.taskArn(),
            base.taskGroup(),
            base.tags(),
            base.reasonTyped(),
            base.reasonSent());
    store.open(inBatch);
    store.open(inBatch);
    store.open(base);

    assertThat(store.findAll(AuditFilter.batch("batch-1"))).hasSize(2);
  }

  @Test
  void marksAnInterruptedStopOutcomeUnknownAfterARestart() {
    // The process writes its intent, then "crashes" before ECS answers.
    AuditStore crashed = newStore();
    instances(crashed).heartbeat();
    long id = crashed.open(attempt("operator", "prod"));

    // A new process starts on the same database.
    AuditStore restarted = newStore();
    new AuditRecovery(instances(restarted), true, properties()).afterPropertiesSet();

    AuditEntry entry = restarted.find(id).orElseThrow();
    assertThat(entry.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
    assertThat(entry.errorCode()).isEqualTo("OutcomeUnknown");
    assertThat(entry.completedAt()).isNotNull();
  }

  @Test
  void leavesTheOpenRecordsOfALiveProcessAloneOnASharedDatabase() {
    AuditStore live = newStore();
    instances(live).heartbeat();
    long id = live.open(attempt("operator", "prod"));

    AuditStore replica = newStore();
    List<AuditEntry> marked = instances(replica).abandonOpenRecords(false, Duration.ofMinutes(1));

    assertThat(marked).extracting(AuditEntry::id).doesNotContain(id);
    assertThat(replica.find(id).orElseThrow().outcome()).isEqualTo(AuditOutcome.PENDING);

    // Once the live process stops beating (or shut down in order), its open records are orphans.
    instances(live).unregister(Duration.ofDays(7));
    assertThat(instances(replica).abandonOpenRecords(false, Duration.ofMinutes(1)))
        .extracting(AuditEntry::id)
        .contains(id);
  }

  @Test
  void keepsWhatEcsSendsWholeNulAndControlCharactersAndAnyLengthIncluded() {
    AuditStore store = newStore();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("nul\u0000key", "bell\u0007 and nul\u0000 value");
    String huge = "v".repeat(60_000);
    tags.put("huge", huge); // tags far longer than the 40,000 characters the column once held
    String group = "service:we\u0000b" + "g".repeat(5_000);
    StopAttempt attempt =
        new StopAttempt(
            null,
            "operator",
            "prod",
            ARN + "\u0000",
            group,
            tags,
            "typed\u0000" + "r".repeat(10_000),
            "operator: r");

    long id = store.open(attempt);
    AuditEntry done =
        store.complete(id, AuditOutcome.FAILED, "Code\u0000", "message\u0000" + "m".repeat(9_000));

    assertThat(done.attempt().taskGroup()).isEqualTo(group.replace("\u0000", "\\u0000"));
    assertThat(done.tags()).isEqualTo(tags);
    assertThat(done.tags().get("huge")).hasSize(60_000);
    assertThat(done.taskArn()).endsWith("\\u0000");
    assertThat(done.errorCode()).isEqualTo("Code\\u0000");
    assertThat(done.errorMessage()).hasSize(9_000 + "message\\u0000".length());
    assertThat(done.attempt().reasonTyped()).hasSize(4000).endsWith(StoredText.CUT);
  }

  @Test
  void recordsARequestRefusedAsAWholeOnceWithTheNumberOfTasksItNamed() {
    AuditStore store = newStore();
    StopAttempt refused =
        new StopAttempt(null, "viewer", "prod", null, null, null, "cleanup", "viewer: cleanup");

    AuditEntry entry = store.refused(refused, 1000, "AccessDenied", "viewer may not stop");

    AuditEntry read = store.find(entry.id()).orElseThrow();
    assertThat(read.taskCount()).isEqualTo(1000);
    assertThat(read.taskId()).isNull();
    assertThat(read.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(store.findAll(AuditFilter.ALL)).hasSize(1);
  }

  @Test
  void aCrashedBulkStopsTasksNeverSentReadNotSentAndOnlyThoseInFlightUnknown() {
    AuditStore crashed = newStore();
    instances(crashed).heartbeat();
    BulkStopLedger ledger = new BulkStopLedger(JdbcClient.create(dataSource()), crashed);
    List<String> tasks = List.of("a".repeat(32), "b".repeat(32), "c".repeat(32), "d".repeat(32));
    ledger.start(
        new BulkStopLedger.Batch(
            "batch-1", "alice", "prod", "drain", "alice: drain", Instant.now(), tasks));
    StopAttempt base = attempt("alice", "prod");
    // Task 0: its StopTask is in flight. Task 1: opened, then throttled (known not sent).
    // Task 2: already stopped, recorded at once. Task 3: never reached.
    crashed.open(inBatch(base, "batch-1", tasks.get(0)), 0);
    ledger.stopSent("batch-1", 0, true);
    crashed.open(inBatch(base, "batch-1", tasks.get(1)), 1);
    ledger.stopSent("batch-1", 1, true);
    ledger.stopSent("batch-1", 1, false);
    crashed.record(
        inBatch(base, "batch-1", tasks.get(2)), 2, AuditOutcome.ALREADY_STOPPED, null, "stopped");

    AuditStore restarted = newStore();
    new AuditRecovery(instances(restarted), true, properties()).afterPropertiesSet();

    BulkStopLedger.Stored stored =
        new BulkStopLedger(JdbcClient.create(dataSource()), restarted)
            .find("batch-1")
            .orElseThrow();
    assertThat(stored.finished()).isTrue();
    assertThat(stored.tasks())
        .extracting(t -> t.record().outcome())
        .containsExactly(
            AuditOutcome.UNKNOWN,
            AuditOutcome.NOT_SENT,
            AuditOutcome.ALREADY_STOPPED,
            AuditOutcome.NOT_SENT);
    assertThat(stored.tasks().get(3).record().taskArn()).isEqualTo(tasks.get(3));
    assertThat(stored.tasks().get(3).record().attempt().reasonSent()).isEqualTo("alice: drain");
    assertThat(restarted.findAll(AuditFilter.batch("batch-1"))).hasSize(4);
    // Recovery again (another replica, the next heartbeat) changes nothing.
    new AuditRecovery(instances(newStore()), true, properties()).afterPropertiesSet();
    assertThat(restarted.findAll(AuditFilter.batch("batch-1"))).hasSize(4);
  }

  @Test
  void leavesTheBulkStopsOfALiveProcessAloneOnASharedDatabase() {
    AuditStore live = newStore();
    instances(live).heartbeat();
    BulkStopLedger ledger = new BulkStopLedger(JdbcClient.create(dataSource()), live);
    ledger.start(
        new BulkStopLedger.Batch(
            "batch-2", "alice", "prod", "drain", "alice: drain", Instant.now(), List.of(ARN)));

    AuditStore replica = newStore();
    assertThat(instances(replica).abandonOpenRecords(false, Duration.ofMinutes(1))).isEmpty();
    assertThat(ledger.find("batch-2").orElseThrow().tasks().get(0).record()).isNull();

    instances(live).unregister(Duration.ofDays(7));
    assertThat(instances(replica).abandonOpenRecords(false, Duration.ofMinutes(1)))
        .singleElement()
        .extracting(AuditEntry::outcome)
        .isEqualTo(AuditOutcome.NOT_SENT);
  }

  private static StopAttempt inBatch(StopAttempt base, String batchId, String task) {
    return new StopAttempt(
        batchId,
        base.user(),
        base.cluster(),
        task,
        base.taskGroup(),
        base.tags(),
        base.reasonTyped(),
        base.reasonSent());
  }

  static AuditProperties properties() {
    return new AuditProperties(
        java.nio.file.Path.of("target"), 50, Duration.ofSeconds(10), Duration.ofSeconds(60));
  }
}
