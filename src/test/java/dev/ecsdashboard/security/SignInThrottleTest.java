package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.demo.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SignInThrottleTest {

  static final String GUESSER = "198.51.100.7";
  static final String OFFICE = "203.0.113.5";

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  final SignInThrottle throttle = new SignInThrottle(defaults(), clock);

  /** The properties as configured by default (the record's own defaults). */
  static SignInProperties defaults() {
    return new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("dashboard.security.sign-in", Bindable.of(SignInProperties.class));
  }

  @Test
  void aPairGetsFiveFreeFailuresThenDoublingWaitsUpToFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.waitFor("alice", GUESSER)).isZero();
      throttle.failed("alice", GUESSER);
    }
    assertThat(throttle.waitFor("alice", GUESSER)).isZero();

    Duration[] expected = {
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)
    };
    for (Duration wait : expected) {
      throttle.failed("alice", GUESSER);
      assertThat(throttle.waitFor("alice", GUESSER)).isEqualTo(wait);
      clock.advance(wait.minusMillis(1));
      assertThat(throttle.waitFor("alice", GUESSER)).isEqualTo(Duration.ofMillis(1));
      clock.advance(Duration.ofMillis(1));
      assertThat(throttle.waitFor("alice", GUESSER)).isZero();
    }
    assertThat(throttle.delay(10)).isEqualTo(Duration.ofSeconds(512));
    assertThat(throttle.delay(11)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.delay(5_000)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void userNamesCountWithoutRegardToCase() {
    for (int i = 0; i < 6; i++) {
      throttle.failed(i % 2 == 0 ? "Alice" : " ALICE", GUESSER);
    }

    assertThat(throttle.waitFor("alice", GUESSER)).isPositive();
  }

  @Test
  void anotherUserFromAnotherAddressNeverWaits() {
    for (int i = 0; i < 1_000; i++) {
      throttle.failed("alice", GUESSER);
    }

    assertThat(throttle.waitFor("alice", GUESSER)).isEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.waitFor("bob", OFFICE)).isZero();
  }

  @Test
  void anAddressTryingManyNamesWaitsAfterTwentyFailures() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, GUESSER);
    }
    assertThat(throttle.waitFor("someone-else", GUESSER)).isZero();

    throttle.failed("user20", GUESSER);

    assertThat(throttle.waitFor("someone-else", GUESSER)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor(null, GUESSER)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("someone-else", OFFICE)).isZero();
  }

  @Test
  void guessersEverywhereSlowDownAUserButNotFromTheAddressTheUserSignsInFrom() {
    throttle.succeeded("alice", OFFICE);
    for (int i = 0; i < 51; i++) {
      throttle.failed("alice", "198.51.100." + i);
    }

    assertThat(throttle.waitFor("alice", "192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("alice", OFFICE)).isZero();
  }

  @Test
  void aSuccessClearsThePairButNeitherTheAddressNorTheUser() {
    for (int i = 0; i < 21; i++) {
      throttle.failed("alice", GUESSER);
    }
    clock.advance(Duration.ofMinutes(15));

    throttle.succeeded("alice", GUESSER);

    assertThat(throttle.waitFor("alice", GUESSER)).isZero();
    throttle.failed("bob", GUESSER);
    assertThat(throttle.waitFor("bob", GUESSER)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void failuresAreForgottenAnHourAfterTheLatest() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("alice", GUESSER);
    }
    clock.advance(Duration.ofMinutes(59));
    assertThat(throttle.waitFor("alice", GUESSER)).isZero();
    throttle.failed("alice", GUESSER);
    assertThat(throttle.waitFor("alice", GUESSER)).isEqualTo(Duration.ofMinutes(15));

    clock.advance(Duration.ofHours(1).plusSeconds(1));

    throttle.failed("alice", GUESSER);
    assertThat(throttle.waitFor("alice", GUESSER)).isZero();
  }

  @Test
  void countsAnIpv6ClientByItsSlash64() {
    assertThat(SignInThrottle.client("2001:db8:1:2:aaaa::1"))
        .isEqualTo(SignInThrottle.client("2001:db8:1:2:bbbb::2"))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(SignInThrottle.client("2001:db8:1:3::1"))
        .isNotEqualTo(SignInThrottle.client("2001:db8:1:2::1"));
    assertThat(SignInThrottle.client("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(SignInThrottle.client(null)).isEqualTo("unknown");
  }
}
