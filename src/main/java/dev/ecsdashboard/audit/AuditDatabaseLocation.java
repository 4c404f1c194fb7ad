package dev.ecsdashboard.audit;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points Spring Boot's data source at the embedded H2 file database in {@code
 * dashboard.audit.directory} unless {@code spring.datasource.url} says otherwise (PostgreSQL, for
 * instance). The path is made absolute, as H2 requires, and the database is opened with {@code
 * WRITE_DELAY=0}: every commit is on disk at once, so a process killed right after a commit loses
 * nothing (with H2's default delay, the last half second is lost).
 */
class AuditDatabaseLocation implements EnvironmentPostProcessor, Ordered {

  static final String DIRECTORY = "dashboard.audit.directory";
  static final String DEFAULT_DIRECTORY = "./data";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (environment.containsProperty("spring.datasource.url")) {
      return;
    }
    String directory = environment.getProperty(DIRECTORY, DEFAULT_DIRECTORY);
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "auditDatabase", Map.of("spring.datasource.url", url(Path.of(directory)))));
  }

  static String url(Path directory) {
    return "jdbc:h2:file:"
        + directory.toAbsolutePath().normalize().resolve("audit")
        + ";WRITE_DELAY=0";
  }

  @Override
  public int getOrder() {
    // After the configuration files are read.
    return Ordered.LOWEST_PRECEDENCE;
  }
}
