package dev.ecsdashboard.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the integration tests: 127.0.0.1:5432, database {@code test}, trust
 * authentication ({@code -Dit.postgres.url} for another). Required in CI ({@code
 * -Dit.required=true}); elsewhere a test without it is skipped, loudly.
 */
final class PostgresTestServer {

  static final String URL =
      System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private PostgresTestServer() {}

  /**
   * The user that may connect (postgres or root), or the test is skipped (failed when required).
   *
   * @param tests what does not run without the server, for the message
   */
  static String user(String tests) {
    for (String candidate : List.of("postgres", "root")) {
      try (Connection c = DriverManager.getConnection(URL, candidate, "")) {
        return candidate;
      } catch (SQLException e) {
        // Try the next user.
      }
    }
    String message = "No PostgreSQL server answers at " + URL + " (users postgres, root).";
    if (Boolean.getBoolean("it.required")) {
      throw new IllegalStateException(message + " It is required here (it.required=true).");
    }
    System.err.println(
        "\n**********\n** SKIPPED: " + message + " " + tests + " did not run.\n**********\n");
    Assumptions.abort(message);
    return null;
  }
}
