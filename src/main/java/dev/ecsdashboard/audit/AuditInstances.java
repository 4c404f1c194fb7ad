package dev.ecsdashboard.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard processes that write to the audit database, each with a heartbeat, and the records
 * of intent left open by processes that are gone.
 */
class AuditInstances {

  private final JdbcClient jdbc;
  private final AuditStore store;
  private final BulkStopLedger ledger;

  AuditInstances(JdbcClient jdbc, AuditStore store) {
    this.jdbc = jdbc;
    this.store = store;
    this.ledger = new BulkStopLedger(jdbc, store);
  }

  /** Says this process is alive; registers it the first time. */
  void heartbeat() {
    OffsetDateTime now = store.now();
    int updated =
        jdbc.sql("UPDATE audit_instance SET heartbeat_at = ? WHERE instance_id = ?")
            .params(now, store.instanceId())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO audit_instance (instance_id, started_at, heartbeat_at) VALUES (?, ?, ?)")
          .params(store.instanceId(), now, now)
          .update();
    }
  }

  /** Forgets this process (on an orderly shutdown) and processes silent for a long time. */
  void unregister(Duration forgetAfter) {
    jdbc.sql("DELETE FROM audit_instance WHERE instance_id = ? OR heartbeat_at < ?")
        .params(store.instanceId(), store.now().minus(forgetAfter))
        .update();
  }

  /**
   * Settles the records left open by processes that are gone: every other process when {@code
   * othersAreGone} (a database only this process can open), otherwise those whose heartbeat is
   * older than {@code staleAfter}. Tasks of their bulk stops never sent are recorded "not sent"
   * first; the records still open then, whose StopTask may have been in flight, are marked "outcome
   * unknown".
   *
   * @return the records written or completed
   */
  List<AuditEntry> abandonOpenRecords(boolean othersAreGone, Duration staleAfter) {
    String gone =
        "instance_id <> ?"
            + (othersAreGone
                ? ""
                : " AND instance_id NOT IN"
                    + " (SELECT instance_id FROM audit_instance WHERE heartbeat_at >= ?)");
    List<Object> goneParams = new ArrayList<>(List.of(store.instanceId()));
    if (!othersAreGone) {
      goneParams.add(store.now().minus(staleAfter));
    }
    List<AuditEntry> marked = new ArrayList<>(ledger.recordNotSent(gone, goneParams));
    List<Object> params = new ArrayList<>(List.of(AuditOutcome.PENDING.name()));
    params.addAll(goneParams);
    List<Long> ids =
        jdbc.sql("SELECT id FROM stop_audit WHERE outcome = ? AND " + gone)
            .params(params)
            .query(Long.class)
            .list();
    for (long id : ids) {
      store
          .completeIfOpen(
              id,
              AuditOutcome.UNKNOWN,
              "OutcomeUnknown",
              "The dashboard process ended before ECS answered. Check the task in ECS.")
          .ifPresent(marked::add);
    }
    return marked;
  }
}
