package dev.ecsdashboard.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The audit store over Spring Boot's data source (migrated by Flyway before first use), and the
 * recovery of records left open by an earlier process.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

  @Bean
  AuditStore auditStore(
      JdbcClient jdbc, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
    return new AuditStore(jdbc, clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable());
  }

  @Bean
  BulkStopLedger bulkStopLedger(JdbcClient jdbc, AuditStore store) {
    return new BulkStopLedger(jdbc, store);
  }

  @Bean
  AuditRecovery auditRecovery(
      JdbcClient jdbc, AuditStore store, DataSource dataSource, AuditProperties properties) {
    return new AuditRecovery(
        new AuditInstances(jdbc, store), AuditRecovery.isExclusive(dataSource), properties);
  }
}
