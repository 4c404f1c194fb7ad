package dev.ecsdashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each stop is one structured log line (the format production uses) with the audit fields. */
class AuditLogLineTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.ecsdashboard.audit");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  @Test
  void logsOneEcsJsonLineWithTheAuditFields() {
    AuditEntry entry =
        new AuditEntry(
            7,
            Instant.parse("2026-01-01T10:00:00Z"),
            Instant.parse("2026-01-01T10:00:01Z"),
            new StopAttempt(
                null,
                "alice",
                "prod-web",
                "arn:aws:ecs:us-east-1:123456789012:task/prod-web/0123456789abcdef0123456789abcdef",
                "service:web",
                Map.of("team", "payments"),
                "node drain \"now\"",
                "alice: node drain \"now\""),
            AuditOutcome.STOPPED,
            null,
            null);

    AuditLogLine.log(entry);

    assertThat(appender.list).hasSize(1);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    if (context.getObject(Environment.class.getName()) == null) {
      // Where Spring Boot's logging system keeps it when the application runs.
      context.putObject(Environment.class.getName(), new StandardEnvironment());
    }
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(context);
    encoder.setFormat("ecs");
    encoder.start();
    String line = new String(encoder.encode(appender.list.get(0)), StandardCharsets.UTF_8);
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = JsonMapper.shared().readTree(line);
    assertThat(json.at("/log/level").asString()).isEqualTo("INFO");
    assertThat(json.at("/message").asString())
        .isEqualTo("stop 0123456789abcdef0123456789abcdef prod-web by alice: STOPPED");
    JsonNode audit = json.get("audit");
    assertThat(audit.get("id").asLong()).isEqualTo(7);
    assertThat(audit.get("user").asString()).isEqualTo("alice");
    assertThat(audit.get("cluster").asString()).isEqualTo("prod-web");
    assertThat(audit.get("taskArn").asString()).endsWith("/0123456789abcdef0123456789abcdef");
    assertThat(audit.get("taskGroup").asString()).isEqualTo("service:web");
    assertThat(audit.at("/tags/team").asString()).isEqualTo("payments");
    assertThat(audit.get("reasonSent").asString()).isEqualTo("alice: node drain \"now\"");
    assertThat(audit.get("outcome").asString()).isEqualTo("STOPPED");
  }
}
