package dev.ecsdashboard.audit;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Finds the stops whose outcome nobody will ever report: records of intent left open by a process
 * that ended between writing them and hearing from ECS. At start-up and then with every heartbeat
 * it marks them "outcome unknown", and records the tasks of such a process's bulk stops that were
 * never sent as "not sent". With an embedded H2 database only this process can have it open, so
 * every earlier process is gone; with a shared database (PostgreSQL, several replicas) a process is
 * gone when its heartbeat is older than {@code dashboard.audit.stale-after}.
 */
class AuditRecovery implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(AuditRecovery.class);
  private static final Duration FORGET_INSTANCES_AFTER = Duration.ofDays(7);

  private final AuditInstances instances;
  private final boolean exclusive;
  private final AuditProperties properties;

  AuditRecovery(AuditInstances instances, boolean exclusive, AuditProperties properties) {
    this.instances = instances;
    this.exclusive = exclusive;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() {
    instances.heartbeat();
    report(instances.abandonOpenRecords(exclusive, properties.staleAfter()));
  }

  @Scheduled(
      fixedDelayString = "${dashboard.audit.heartbeat:10s}",
      initialDelayString = "${dashboard.audit.heartbeat:10s}")
  void beat() {
    instances.heartbeat();
    report(instances.abandonOpenRecords(false, properties.staleAfter()));
  }

  @Override
  public void destroy() {
    instances.unregister(FORGET_INSTANCES_AFTER);
  }

  private static void report(List<AuditEntry> marked) {
    if (!marked.isEmpty()) {
      log.warn(
          "{} stop(s) were left without an outcome by a dashboard process that ended; marked"
              + " \"not sent\" or \"outcome unknown\": {}",
          marked.size(),
          marked.stream().map(e -> e.cluster() + "/" + e.taskId() + " " + e.outcome()).toList());
    }
  }

  /** Whether only this process can open the database: an embedded H2 file or memory database. */
  static boolean isExclusive(DataSource dataSource) {
    try {
      String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
      String upper = url == null ? "" : url.toUpperCase(Locale.ROOT);
      return upper.startsWith("JDBC:H2:")
          && !upper.startsWith("JDBC:H2:TCP:")
          && !upper.startsWith("JDBC:H2:SSL:")
          && !upper.contains("AUTO_SERVER=TRUE");
    } catch (MetaDataAccessException e) {
      return false;
    }
  }
}
