package dev.ecsdashboard.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk stops in the audit database, written when they start: the bulk stop and one row per task
 * saying whether its StopTask may have been sent. With each task's record in {@code stop_audit}
 * (found by the bulk stop's ID and the task's place) it accounts for every task of a bulk stop,
 * also after the process running it is gone; such a process's tasks never sent are recorded "not
 * sent". A later replica could continue a bulk stop from the same rows.
 */
public class BulkStopLedger {

  private static final String BATCH_COLUMNS =
      "id, started_at, finished_at, user_name, cluster, reason_typed, reason_sent";

  /** Rows a multi-row INSERT writes at once. */
  private static final int CHUNK = 100;

  private static final String NOT_SENT_MESSAGE =
      "The dashboard process running this bulk stop ended before this task's StopTask was sent:"
          + " the bulk stop did not stop it.";

  private final JdbcClient jdbc;
  private final AuditStore store;

  public BulkStopLedger(JdbcClient jdbc, AuditStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  /** A bulk stop as it starts: who, where, why, and its tasks (IDs or ARNs) in order. */
  public record Batch(
      String id,
      String user,
      String cluster,
      String reasonTyped,
      String reasonSent,
      Instant startedAt,
      List<String> tasks) {}

  /**
   * One task of a bulk stop as the database has it.
   *
   * @param task the task as given (ID or ARN)
   * @param stopSent whether its StopTask may have been sent
   * @param record its audit record; null while it has none (not sent, no outcome yet)
   */
  public record Task(int index, String task, boolean stopSent, AuditEntry record) {}

  /** A bulk stop read back: its start, whether it has finished, and each task. */
  public record Stored(Batch batch, boolean finished, List<Task> tasks) {}

  /** Writes a bulk stop and its tasks, all not sent; the bulk stop's row last, once all are in. */
  public void start(Batch batch) {
    for (int from = 0; from < batch.tasks().size(); from += CHUNK) {
      int to = Math.min(batch.tasks().size(), from + CHUNK);
      List<Object> params = new ArrayList<>();
      for (int i = from; i < to; i++) {
        params.addAll(List.of(batch.id(), i, batch.tasks().get(i)));
      }
      jdbc.sql(
              "INSERT INTO bulk_stop_task (batch_id, task_index, task) VALUES "
                  + String.join(", ", java.util.Collections.nCopies(to - from, "(?, ?, ?)")))
          .params(params)
          .update();
    }
    jdbc.sql(
            "INSERT INTO bulk_stop (id, instance_id, started_at, user_name, cluster, reason_typed,"
                + " reason_sent, task_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            batch.id(),
            store.instanceId(),
            store.now(),
            StoredText.of(batch.user(), 255),
            StoredText.of(batch.cluster(), 255),
            StoredText.of(batch.reasonTyped(), 4000),
            StoredText.of(batch.reasonSent(), 255),
            batch.tasks().size())
        .update();
  }

  /**
   * Says whether a task's StopTask may have been sent: true just before the call, false again when
   * ECS throttled it (a throttled call is known not to have happened).
   */
  public void stopSent(String batchId, int index, boolean sent) {
    jdbc.sql("UPDATE bulk_stop_task SET stop_sent = ? WHERE batch_id = ? AND task_index = ?")
        .params(sent, batchId, index)
        .update();
  }

  /** Marks a bulk stop whose every task has its outcome. */
  public void finished(String batchId) {
    jdbc.sql("UPDATE bulk_stop SET finished_at = ? WHERE id = ? AND finished_at IS NULL")
        .params(store.now(), batchId)
        .update();
  }

  /** A bulk stop and each of its tasks with its record, as the database has them. */
  public Optional<Stored> find(String id) {
    return jdbc.sql("SELECT " + BATCH_COLUMNS + " FROM bulk_stop WHERE id = ?")
        .param(id)
        .query(BulkStopLedger::batch)
        .optional()
        .map(b -> new Stored(b.batch(), b.finished(), tasks(id)));
  }

  /** A bulk stop's row, its tasks left out. */
  private static Started batch(ResultSet rs, int row) throws SQLException {
    return new Started(
        new Batch(
            rs.getString("id"),
            rs.getString("user_name"),
            rs.getString("cluster"),
            rs.getString("reason_typed"),
            rs.getString("reason_sent"),
            AuditRows.instant(rs, "started_at"),
            List.of()),
        rs.getObject("finished_at") != null);
  }

  private record Started(Batch batch, boolean finished) {}

  private List<Task> tasks(String id) {
    String record =
        Arrays.stream(AuditRows.COLUMNS.split(","))
            .map(c -> "a." + c.trim())
            .collect(Collectors.joining(", "));
    return jdbc.sql(
            "SELECT t.task_index, t.task, t.stop_sent, "
                + record
                + " FROM bulk_stop_task t LEFT JOIN stop_audit a ON a.batch_id = t.batch_id AND"
                + " a.batch_index = t.task_index WHERE t.batch_id = ? ORDER BY t.task_index")
        .param(id)
        .query(
            (rs, row) ->
                new Task(
                    rs.getInt("task_index"),
                    rs.getString("task"),
                    rs.getBoolean("stop_sent"),
                    rs.getObject("id") == null ? null : AuditRows.entry(rs, row)))
        .list();
  }

  /**
   * Records "not sent" for every task never sent of the unfinished bulk stops run by processes that
   * are gone, then marks those bulk stops finished. Tasks whose StopTask may have been in flight
   * keep their open record, which is then marked "outcome unknown".
   *
   * @param gone the SQL condition on {@code instance_id} of a process that is gone
   * @return the records written or completed
   */
  List<AuditEntry> recordNotSent(String gone, List<Object> goneParams) {
    List<Batch> abandoned =
        jdbc
            .sql(
                "SELECT " + BATCH_COLUMNS + " FROM bulk_stop WHERE finished_at IS NULL AND " + gone)
            .params(goneParams)
            .query(BulkStopLedger::batch)
            .list()
            .stream()
            .map(Started::batch)
            .toList();
    List<AuditEntry> marked = new ArrayList<>();
    for (Batch batch : abandoned) {
      for (Task task : tasks(batch.id())) {
        if (!task.stopSent()) {
          notSent(batch, task).ifPresent(marked::add);
        }
      }
      finished(batch.id());
    }
    return marked;
  }

  private Optional<AuditEntry> notSent(Batch batch, Task task) {
    if (task.record() == null) {
      StopAttempt attempt =
          new StopAttempt(
              batch.id(),
              batch.user(),
              batch.cluster(),
              task.task(),
              null,
              null,
              batch.reasonTyped(),
              batch.reasonSent());
      try {
        return Optional.of(
            store.record(
                attempt, task.index(), AuditOutcome.NOT_SENT, "NotSent", NOT_SENT_MESSAGE));
      } catch (DuplicateKeyException e) {
        return Optional.empty(); // another replica recorded it first
      }
    }
    if (task.record().outcome().isOpen()) {
      return store.completeIfOpen(
          task.record().id(), AuditOutcome.NOT_SENT, "NotSent", NOT_SENT_MESSAGE);
    }
    return Optional.empty();
  }
}
