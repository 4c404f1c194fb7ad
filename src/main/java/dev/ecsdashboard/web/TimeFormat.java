package dev.ecsdashboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Times as pages show them: relative ("5 min ago") for scanning, absolute UTC for the record. Every
 * page's model holds one as {@code times} (see {@code fragments/time.html}).
 */
public class TimeFormat {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final MessageSource messages;

  public TimeFormat(Clock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  /** ISO-8601 in UTC, for the {@code datetime} attribute of {@code <time>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** Absolute time in UTC to the millisecond: {@code 2019-07-18 03:44:54.186 UTC}. */
  public String utc(Instant instant) {
    return instant == null ? "" : UTC.format(instant);
  }

  /** How long ago (or how far ahead) the instant is: {@code 5 min ago}, {@code in 2 h}. */
  public String relative(Instant instant) {
    if (instant == null) {
      return "";
    }
    Duration offset = Duration.between(instant, clock.instant());
    if (offset.abs().toSeconds() < 5) {
      return message("time.now");
    }
    String amount = duration(offset.abs());
    return message(offset.isNegative() ? "time.ahead" : "time.ago", amount);
  }

  /** A duration in the largest unit that fits: {@code 45 s}, {@code 12 min}, {@code 3 d}. */
  public String duration(Duration duration) {
    long seconds = duration.abs().toSeconds();
    if (seconds < 60) {
      long millis = duration.abs().toMillis();
      return millis < 10_000 && millis % 1000 != 0
          ? message("time.seconds", String.format(Locale.ROOT, "%.1f", millis / 1000.0))
          : message("time.seconds", String.valueOf(seconds));
    }
    if (seconds < 3600) {
      return message("time.minutes", String.valueOf(seconds / 60));
    }
    if (seconds < 86_400) {
      return message("time.hours", String.valueOf(seconds / 3600));
    }
    return message("time.days", String.valueOf(seconds / 86_400));
  }

  private String message(String code, Object... args) {
    return messages.getMessage(code, args, LocaleContextHolder.getLocale());
  }
}
