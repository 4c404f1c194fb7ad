package dev.ecsdashboard.stop;

import static dev.ecsdashboard.support.MotoEcs.tag;
import static dev.ecsdashboard.support.MotoEcs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditFilter;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsTemplate;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServerExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The stop service over the real wire against moto_server: the task ends STOPPED there with the
 * attributed reason, and the audit trail holds the completed record with the tags it had.
 */
@ExtendWith(MotoServerExtension.class)
class StopServiceMotoIT {

  @TempDir Path directory;
  private SingleConnectionDataSource dataSource;
  private MotoEcs moto;
  private EcsOperations ecs;
  private AuditStore audit;
  private StopService service;

  @BeforeEach
  void setUp(MotoEcs moto) {
    this.moto = moto;
    dataSource =
        new SingleConnectionDataSource(
            "jdbc:h2:file:" + directory.resolve("audit") + ";WRITE_DELAY=0", true);
    Flyway.configure().dataSource(dataSource).load().migrate();
    audit = new AuditStore(JdbcClient.create(dataSource), Clock.systemUTC());
    ecs =
        new EcsTemplate(
            moto.client(),
            new ArnScope(moto.client().serviceClientConfiguration().region().id(), null));
    service =
        new StopService(
            ecs, new ClusterAccess(), audit, ReasonPolicyTest.policy(true, "{user}: {reason}"));
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                "operator", "n/a", AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
  }

  @AfterEach
  void tearDown() {
    SecurityContextHolder.clearContext();
    dataSource.destroy();
  }

  @Test
  void stopsATaskWithTheAttributedReasonAndAuditsIt() {
    String cluster = uniqueName("stop-service");
    moto.createCluster(cluster);
    String definition = moto.registerTaskDefinition(uniqueName("svc"));
    Task started =
        moto.runTasks(cluster, definition, 1, r -> r.tags(tag("team", "payments"))).get(0);
    TaskRef task = TaskRef.parse(cluster, TaskRef.parse(null, started.taskArn()).id());

    StopResult result = service.stop(task, "  stuck deployment ", false);

    assertThat(result.outcome()).isEqualTo(StopOutcome.STOPPED);
    Task stopped =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ecs.describeTask(task), t -> "STOPPED".equals(t.lastStatus()));
    assertThat(stopped.stoppedReason()).isEqualTo("operator: stuck deployment");
    AuditEntry record = audit.findAll(AuditFilter.ALL).get(0);
    assertThat(record.outcome()).isEqualTo(AuditOutcome.STOPPED);
    assertThat(record.taskArn()).isEqualTo(started.taskArn());
    assertThat(record.tags()).containsEntry("team", "payments");
    assertThat(record.attempt().reasonSent()).isEqualTo("operator: stuck deployment");

    // Stopping it again is harmless: nothing is sent, and the record says so.
    assertThat(service.stop(task, "again", false).outcome()).isEqualTo(StopOutcome.ALREADY_STOPPED);
    assertThat(ecs.describeTask(task).stoppedReason()).isEqualTo("operator: stuck deployment");
  }
}
