package dev.ecsdashboard.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the audit trail is kept. The database itself is Spring Boot's {@code
 * spring.datasource.*}: by default an H2 file database in {@code directory}; set {@code
 * spring.datasource.url} (and user and password) to keep it in PostgreSQL instead.
 *
 * @param directory the folder of the embedded H2 database file
 * @param pageSize records a page on the activity page
 * @param heartbeat how often this process says it is alive in the audit database
 * @param staleAfter how long without a heartbeat before another process's open records are declared
 *     "outcome unknown" (only matters when several processes share one database)
 */
@Validated
@ConfigurationProperties("dashboard.audit")
public record AuditProperties(
    @NotNull @DefaultValue("./data") Path directory,
    @Min(1) @Max(500) @DefaultValue("50") int pageSize,
    @NotNull @DefaultValue("10s") Duration heartbeat,
    @NotNull @DefaultValue("60s") Duration staleAfter) {}
