package dev.ecsdashboard.stop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tasks are stopped: whether a reason is required, how it is attributed to the user, and how
 * bulk stops pace themselves.
 *
 * @param reasonRequired whether a stop needs a reason (an empty one is still attributed)
 * @param reasonFormat the reason sent to ECS, with {@code {user}} and {@code {reason}} each once
 * @param stopTimeout the container stop timeout the confirmation announces (the ECS agent's {@code
 *     ECS_CONTAINER_STOP_TIMEOUT}, 30 seconds unless the agent or task definition sets another)
 * @param progressRefresh how often a stopping task's page reloads itself
 * @param bulk bulk stops
 */
@Validated
@ConfigurationProperties("dashboard.stop")
public record StopProperties(
    @DefaultValue("true") boolean reasonRequired,
    @NotNull @DefaultValue("{user}: {reason}") String reasonFormat,
    @NotNull @DefaultValue("30s") Duration stopTimeout,
    @NotNull @DefaultValue("2s") Duration progressRefresh,
    @Valid @NotNull @DefaultValue Bulk bulk) {

  /** The format names the user and the reason once each and leaves room for a reason. */
  @AssertTrue(
      message =
          "dashboard.stop.reason-format must hold {user} and {reason} once each and leave room"
              + " for a reason within ECS's 255 characters")
  public boolean isReasonFormatValid() {
    return ReasonFormat.isValid(reasonFormat);
  }

  /**
   * Bulk stops.
   *
   * @param concurrency StopTask calls in flight at once, for all bulk stops together
   * @param maxTasks the most tasks one bulk stop may hold
   * @param deadline how long a bulk stop keeps re-queuing throttled calls before it reports them
   *     failed
   * @param initialBackoff wait before re-queuing a call that stayed throttled, doubled each time
   * @param maxBackoff the longest such wait
   * @param maxAttempts StopTask calls of one task that may fail other than by throttling (a server
   *     error, a lost answer) before the bulk stop reports the task failed; each is preceded by a
   *     describe, never a blind repeat
   */
  public record Bulk(
      @Min(1) @Max(32) @DefaultValue("4") int concurrency,
      @Min(1) @Max(10000) @DefaultValue("1000") int maxTasks,
      @NotNull @DefaultValue("10m") Duration deadline,
      @NotNull @DefaultValue("500ms") Duration initialBackoff,
      @NotNull @DefaultValue("10s") Duration maxBackoff,
      @Min(1) @Max(20) @DefaultValue("4") int maxAttempts) {}
}
