package dev.ecsdashboard.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads records of {@code stop_audit} back into {@link AuditEntry}s. */
final class AuditRows {

  static final String COLUMNS =
      "id, batch_id, started_at, completed_at, user_name, cluster, task_arn, task_group,"
          + " task_tags, reason_typed, reason_sent, outcome, error_code, error_message, task_count";

  private AuditRows() {}

  static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    StopAttempt attempt =
        new StopAttempt(
            rs.getString("batch_id"),
            rs.getString("user_name"),
            rs.getString("cluster"),
            rs.getString("task_arn"),
            rs.getString("task_group"),
            TagsJson.read(rs.getString("task_tags")),
            rs.getString("reason_typed"),
            rs.getString("reason_sent"));
    return new AuditEntry(
        rs.getLong("id"),
        instant(rs, "started_at"),
        instant(rs, "completed_at"),
        attempt,
        AuditOutcome.valueOf(rs.getString("outcome")),
        rs.getString("error_code"),
        rs.getString("error_message"),
        rs.getInt("task_count"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}
