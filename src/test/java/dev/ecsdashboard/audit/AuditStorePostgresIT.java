package dev.ecsdashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The audit store on PostgreSQL (127.0.0.1:5432, database {@code test}, trust authentication), in a
 * schema of its own that is dropped afterwards. Required in CI ({@code -Dit.required=true});
 * skipped locally, loudly, when no server answers.
 */
class AuditStorePostgresIT extends AuditStoreContract {

  private static final String HOST = PostgresTestServer.URL;
  private static final String SCHEMA = "audit_it_" + UUID.randomUUID().toString().replace("-", "");
  private static String user;
  private SingleConnectionDataSource dataSource;

  @BeforeAll
  static void findServer() throws SQLException {
    user = PostgresTestServer.user("Audit store tests on PostgreSQL");
    try (Connection c = DriverManager.getConnection(HOST, user, "")) {
      c.createStatement().execute("CREATE SCHEMA " + SCHEMA);
    }
  }

  @BeforeEach
  void migrate() {
    dataSource = new SingleConnectionDataSource(HOST + "?currentSchema=" + SCHEMA, user, "", true);
    JdbcClient.create(dataSource).sql("DROP SCHEMA " + SCHEMA + " CASCADE").update();
    JdbcClient.create(dataSource).sql("CREATE SCHEMA " + SCHEMA).update();
    Flyway.configure().dataSource(dataSource).schemas(SCHEMA).load().migrate();
  }

  @AfterEach
  void close() {
    dataSource.destroy();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (user != null) {
      try (Connection c = DriverManager.getConnection(HOST, user, "")) {
        c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      }
    }
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Test
  void runsOnPostgresql() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(AuditRecovery.isExclusive(dataSource)).isFalse();
  }
}
