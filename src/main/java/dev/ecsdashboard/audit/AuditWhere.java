package dev.ecsdashboard.audit;

import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of an {@link AuditFilter} over {@code stop_audit}, and its parameters. */
record AuditWhere(String sql, List<Object> params) {

  static AuditWhere of(AuditFilter filter) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    add(conditions, params, "user_name", filter.user());
    add(conditions, params, "cluster", filter.cluster());
    add(conditions, params, "outcome", filter.outcome() == null ? null : filter.outcome().name());
    add(conditions, params, "batch_id", filter.batchId());
    String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new AuditWhere(sql, params);
  }

  private static void add(
      List<String> conditions, List<Object> params, String column, String value) {
    if (value != null && !value.isBlank()) {
      conditions.add(column + " = ?");
      params.add(value);
    }
  }
}
