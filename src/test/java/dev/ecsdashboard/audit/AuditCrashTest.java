package dev.ecsdashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A real process writes its record of intent to the embedded H2 database and dies at once, without
 * closing anything (as with kill -9). The record survives, and the next process marks it "outcome
 * unknown". This is what the H2 URL's WRITE_DELAY=0 is for: with H2's default delay the record is
 * lost.
 */
class AuditCrashTest {

  @TempDir Path directory;

  @Test
  void aStopInterruptedByAKilledProcessIsLeftOutcomeUnknown() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                directory.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes());
    assertThat(output).contains("intent written");
    assertThat(child.exitValue()).as(output).isEqualTo(137);

    SingleConnectionDataSource dataSource = AuditStoreH2Test.h2(directory);
    try {
      AuditStore restarted = new AuditStore(JdbcClient.create(dataSource), Clock.systemUTC());
      new AuditRecovery(
              new AuditInstances(JdbcClient.create(dataSource), restarted),
              true,
              AuditStoreContract.properties())
          .afterPropertiesSet();

      List<AuditEntry> records = restarted.findAll(AuditFilter.ALL);
      assertThat(records)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.outcome()).isEqualTo(AuditOutcome.UNKNOWN);
                assertThat(r.tags()).containsEntry("team", "payments");
              });
    } finally {
      dataSource.destroy();
    }
  }

  /** The child process: writes one record of intent, then halts as if killed. */
  static final class CrashingWriter {
    public static void main(String[] args) {
      SingleConnectionDataSource dataSource = AuditStoreH2Test.h2(Path.of(args[0]));
      Flyway.configure().dataSource(dataSource).load().migrate();
      AuditStore store = new AuditStore(JdbcClient.create(dataSource), Clock.systemUTC());
      new AuditInstances(JdbcClient.create(dataSource), store).heartbeat();
      store.open(AuditStoreContract.attempt("operator", "prod"));
      System.out.println("intent written");
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}
