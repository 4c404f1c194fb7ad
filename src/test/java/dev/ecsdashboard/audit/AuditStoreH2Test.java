package dev.ecsdashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The audit store on the embedded H2 file database it uses by default. */
class AuditStoreH2Test extends AuditStoreContract {

  @TempDir Path directory;
  private SingleConnectionDataSource dataSource;

  @BeforeEach
  void migrate() {
    dataSource = h2(directory);
    Flyway.configure().dataSource(dataSource).load().migrate();
  }

  @AfterEach
  void close() {
    dataSource.destroy();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Test
  void treatsTheEmbeddedDatabaseAsThisProcessAlone() {
    assertThat(AuditRecovery.isExclusive(dataSource)).isTrue();
  }

  /** One connection kept open: opening an H2 file database for every statement is slow. */
  static SingleConnectionDataSource h2(Path directory) {
    return new SingleConnectionDataSource(
        "jdbc:h2:file:" + directory.resolve("audit") + ";WRITE_DELAY=0", true);
  }
}
