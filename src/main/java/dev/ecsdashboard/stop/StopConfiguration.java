package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.BulkStopLedger;
import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.security.ClusterAccess;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bulk stop service and its runner, on the application's clock when it has one. */
@Configuration(proxyBeanMethods = false)
class StopConfiguration {

  @Bean
  BulkStopRunner bulkStopRunner(
      EcsOperations ecs,
      AuditStore audit,
      BulkStopLedger ledger,
      StopProperties properties,
      ObjectProvider<Clock> clock) {
    return new BulkStopRunner(
        ecs, audit, ledger, properties.bulk(), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  BulkStopService bulkStopService(
      EcsOperations ecs,
      ArnScope scope,
      ClusterAccess access,
      AuditStore audit,
      BulkStopLedger ledger,
      ReasonPolicy policy,
      BulkStopRunner runner,
      StopProperties properties,
      ObjectProvider<Clock> clock) {
    return new BulkStopService(
        ecs,
        scope,
        access,
        audit,
        ledger,
        policy,
        runner,
        properties.bulk(),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
