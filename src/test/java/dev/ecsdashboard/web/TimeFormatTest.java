package dev.ecsdashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TimeFormatTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  final TimeFormat times = new TimeFormat(Clock.fixed(NOW, ZoneOffset.UTC), messages());

  @Test
  void saysHowLongAgoInTheLargestUnitThatFits() {
    assertThat(times.relative(NOW.minusSeconds(2))).isEqualTo("just now");
    assertThat(times.relative(NOW.minusSeconds(42))).isEqualTo("42 s ago");
    assertThat(times.relative(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 min ago");
    assertThat(times.relative(NOW.minus(Duration.ofHours(3)))).isEqualTo("3 h ago");
    assertThat(times.relative(NOW.minus(Duration.ofDays(1200)))).isEqualTo("1200 d ago");
    assertThat(times.relative(NOW.plus(Duration.ofMinutes(2)))).isEqualTo("in 2 min");
  }

  @Test
  void writesAbsoluteTimesInUtcToTheMillisecond() {
    Instant instant = Instant.parse("2019-07-18T03:44:54.186Z");

    assertThat(times.utc(instant)).isEqualTo("2019-07-18 03:44:54.186 UTC");
    assertThat(times.iso(instant)).isEqualTo("2019-07-18T03:44:54.186Z");
  }

  @Test
  void showsShortDurationsWithTenths() {
    assertThat(times.duration(Duration.ofMillis(2066))).isEqualTo("2.1 s");
    assertThat(times.duration(Duration.ofSeconds(2))).isEqualTo("2 s");
  }

  @Test
  void writesNothingForAMissingTime() {
    assertThat(times.relative(null)).isEmpty();
    assertThat(times.utc(null)).isEmpty();
  }

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    return messages;
  }
}
