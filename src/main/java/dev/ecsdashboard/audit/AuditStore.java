package dev.ecsdashboard.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The durable audit trail of stops, over Spring JDBC. Every write is its own committed statement:
 * the record of intent is on disk before the ECS call it announces. Each completed record is also
 * logged as one structured line.
 */
public class AuditStore {

  /** The counter of stops by outcome (refusals and failures included, dry runs not). */
  public static final String STOPS = "dashboard.stops";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String instanceId = UUID.randomUUID().toString();
  private final MeterRegistry meters;

  public AuditStore(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, null);
  }

  /**
   * @param meters where each completed record counts in {@value #STOPS} by outcome; null for none
   */
  public AuditStore(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.meters = meters;
  }

  /** This process's identity in the audit database. */
  public String instanceId() {
    return instanceId;
  }

  /** Writes the record of intent (outcome PENDING) and returns its number. */
  public long open(StopAttempt attempt) {
    return insert(attempt, null, 1, AuditOutcome.PENDING, null, null);
  }

  /**
   * Writes the record of intent of a bulk stop's task, just before its StopTask.
   *
   * @param batchIndex the task's place in its bulk stop (one record per place)
   */
  public long open(StopAttempt attempt, int batchIndex) {
    return insert(attempt, batchIndex, 1, AuditOutcome.PENDING, null, null);
  }

  /** Completes a record of intent with its outcome. */
  public AuditEntry complete(long id, AuditOutcome outcome, String errorCode, String errorMessage) {
    update(id, outcome, errorCode, errorMessage);
    return completed(find(id).orElseThrow());
  }

  /**
   * Completes a record only if it is still open (recovery, where several processes may try).
   *
   * @return the completed record; empty when it was not open
   */
  Optional<AuditEntry> completeIfOpen(
      long id, AuditOutcome outcome, String errorCode, String errorMessage) {
    return update(id, outcome, errorCode, errorMessage) == 1
        ? Optional.of(completed(find(id).orElseThrow()))
        : Optional.empty();
  }

  private int update(long id, AuditOutcome outcome, String errorCode, String errorMessage) {
    if (outcome.isOpen()) {
      throw new IllegalArgumentException("A record is completed with a final outcome");
    }
    return jdbc.sql(
            "UPDATE stop_audit SET outcome = ?, completed_at = ?, error_code = ?, error_message = ?"
                + " WHERE id = ? AND outcome = ?")
        .params(
            outcome.name(),
            now(),
            StoredText.of(errorCode, 255),
            StoredText.of(errorMessage),
            id,
            AuditOutcome.PENDING.name())
        .update();
  }

  /** Writes a record whose outcome is known at once (a refusal, an already stopped task). */
  public AuditEntry record(
      StopAttempt attempt, AuditOutcome outcome, String errorCode, String errorMessage) {
    return completed(
        find(insert(attempt, null, 1, outcome, errorCode, errorMessage)).orElseThrow());
  }

  /** Writes the record of a bulk stop's task whose outcome is known without a StopTask. */
  public AuditEntry record(
      StopAttempt attempt,
      int batchIndex,
      AuditOutcome outcome,
      String errorCode,
      String errorMessage) {
    long id = insert(attempt, batchIndex, 1, outcome, errorCode, errorMessage);
    return completed(find(id).orElseThrow());
  }

  /**
   * Writes the one record of a request refused as a whole, however many tasks it named: a refused
   * request of a thousand tasks does not flood the trail.
   */
  public AuditEntry refused(
      StopAttempt attempt, int taskCount, String errorCode, String errorMessage) {
    long id = insert(attempt, null, taskCount, AuditOutcome.REFUSED, errorCode, errorMessage);
    return completed(find(id).orElseThrow());
  }

  /** Each completed record: one structured log line, and one count by outcome. */
  private AuditEntry completed(AuditEntry entry) {
    AuditLogLine.log(entry);
    if (meters != null) {
      meters.counter(STOPS, "outcome", entry.outcome().name()).increment();
    }
    return entry;
  }

  public Optional<AuditEntry> find(long id) {
    return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM stop_audit WHERE id = ?")
        .param(id)
        .query(AuditRows::entry)
        .optional();
  }

  /** One page of the records matching the filter, newest first. */
  public AuditPage find(AuditFilter filter, int page, int size) {
    AuditWhere where = AuditWhere.of(filter);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM stop_audit" + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    List<Object> params = new ArrayList<>(where.params());
    params.add((long) page * size);
    params.add(size);
    List<AuditEntry> entries =
        jdbc.sql(
                "SELECT "
                    + AuditRows.COLUMNS
                    + " FROM stop_audit"
                    + where.sql()
                    + " ORDER BY started_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .params(params)
            .query(AuditRows::entry)
            .list();
    return new AuditPage(entries, page, size, total);
  }

  /** Every record matching the filter, oldest first (a bulk stop's records, for instance). */
  public List<AuditEntry> findAll(AuditFilter filter) {
    AuditWhere where = AuditWhere.of(filter);
    return jdbc.sql(
            "SELECT " + AuditRows.COLUMNS + " FROM stop_audit" + where.sql() + " ORDER BY id")
        .params(where.params())
        .query(AuditRows::entry)
        .list();
  }

  private long insert(
      StopAttempt a,
      Integer batchIndex,
      int taskCount,
      AuditOutcome outcome,
      String errorCode,
      String errorMessage) {
    OffsetDateTime now = now();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO stop_audit (batch_id, batch_index, task_count, instance_id, started_at,"
                + " completed_at, user_name, cluster, task_arn, task_group, task_tags,"
                + " reason_typed, reason_sent, outcome, error_code, error_message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.batchId(),
            batchIndex,
            taskCount,
            instanceId,
            now,
            outcome.isOpen() ? null : now,
            StoredText.of(a.user(), 255),
            StoredText.of(a.cluster(), 255),
            StoredText.of(a.taskArn()),
            StoredText.of(a.taskGroup()),
            TagsJson.write(a.tags()),
            StoredText.of(a.reasonTyped(), 4000),
            StoredText.of(a.reasonSent(), 255),
            outcome.name(),
            StoredText.of(errorCode, 255),
            StoredText.of(errorMessage))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
