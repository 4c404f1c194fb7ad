package dev.ecsdashboard.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each audit record as one structured log line (key-value pairs, which Spring Boot's structured
 * logging turns into JSON fields).
 */
final class AuditLogLine {

  private static final Logger log = LoggerFactory.getLogger("dev.ecsdashboard.audit");

  private AuditLogLine() {}

  static void log(AuditEntry entry) {
    log.atInfo()
        .addKeyValue("audit.id", entry.id())
        .addKeyValue("audit.batch", entry.batchId())
        .addKeyValue("audit.startedAt", entry.startedAt())
        .addKeyValue("audit.completedAt", entry.completedAt())
        .addKeyValue("audit.user", entry.user())
        .addKeyValue("audit.cluster", entry.cluster())
        .addKeyValue("audit.taskArn", entry.taskArn())
        .addKeyValue("audit.taskCount", entry.taskCount())
        .addKeyValue("audit.taskGroup", entry.attempt().taskGroup())
        .addKeyValue("audit.tags", entry.tags())
        .addKeyValue("audit.reasonTyped", entry.attempt().reasonTyped())
        .addKeyValue("audit.reasonSent", entry.attempt().reasonSent())
        .addKeyValue("audit.outcome", entry.outcome())
        .addKeyValue("audit.errorCode", entry.errorCode())
        .addKeyValue("audit.errorMessage", entry.errorMessage())
        .log(
            "stop {} {} by {}: {}",
            entry.taskCount() == 1 && entry.taskId() != null
                ? entry.taskId()
                : entry.taskCount() + " tasks",
            entry.cluster(),
            entry.user(),
            entry.outcome());
  }
}
