package dev.ecsdashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.ecsdashboard.demo.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The bound on bcrypt work: a burst of wrong passwords, through the same chain of password checks
 * as the dashboard's (throttle, user store, remembered matches, bound, bcrypt), runs at most the
 * allowed number of bcrypt checks at once and refuses the rest at once, uncounted by bcrypt.
 */
class BoundedPasswordEncoderTest {

  static final int BURST = 40;

  final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  final CountedBcrypt heldBcrypt = new CountedBcrypt();

  final ExecutorService threads = Executors.newFixedThreadPool(BURST);

  @AfterEach
  void stopThreads() {
    heldBcrypt.release();
    threads.shutdownNow();
  }

  @Test
  void aBurstOfWrongPasswordsRunsAtMostTwoBcryptChecksAndRefusesTheRestAtOnce() throws Exception {
    ThrottledAuthenticationProvider signIn = passwordSignIn(2);
    // The first sign-in also makes the hash that unknown names are checked against (bcrypt too).
    assertThat(outcome(signIn, "alice", "right password", "203.0.113.5")).isNull();
    int checksBefore = heldBcrypt.checks.get();
    heldBcrypt.hold();
    List<Future<Class<?>>> attempts = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      // Each from its own address, so that the throttle lets every one through to the check.
      String address = "198.51.100." + i;
      String guess = "guess-" + i;
      attempts.add(threads.submit(() -> outcome(signIn, "alice", guess, address)));
    }

    // Everything beyond the two checks held in bcrypt is refused without waiting for them.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> attempts.stream().filter(Future::isDone).count() == BURST - 2);
    List<Class<?>> refused = new ArrayList<>();
    for (Future<Class<?>> attempt : attempts) {
      if (attempt.isDone()) {
        refused.add(attempt.get());
      }
    }
    assertThat(refused).hasSize(BURST - 2).containsOnly(SignInBusyException.class);
    assertThat(heldBcrypt.checks.get() - checksBefore).isEqualTo(2);
    assertThat(heldBcrypt.running).hasValue(2);
    assertThat(heldBcrypt.mostRunning).hasValue(2);

    heldBcrypt.release();
    for (Future<Class<?>> attempt : attempts) {
      assertThat(attempt.get(30, TimeUnit.SECONDS))
          .isIn(SignInBusyException.class, BadCredentialsException.class);
    }
    assertThat(heldBcrypt.checks.get() - checksBefore).isEqualTo(2);
  }

  @Test
  void aRememberedMatchNeedsNoCheckAndIsNeverBusy() throws Exception {
    ThrottledAuthenticationProvider signIn = passwordSignIn(1);
    assertThat(outcome(signIn, "alice", "right password", "203.0.113.5")).isNull();

    assertThat(heldBcrypt.checks).hasValue(1);
    for (int i = 0; i < 5; i++) {
      assertThat(outcome(signIn, "alice", "right password", "203.0.113.5")).isNull();
    }
    assertThat(heldBcrypt.checks).hasValue(1);
  }

  @Test
  void parallelCallsOfOneToolWithTheSamePasswordShareOneCheck() throws Exception {
    ThrottledAuthenticationProvider signIn = passwordSignIn(2);
    assertThat(outcome(signIn, "nobody", "warm-up", "192.0.2.1"))
        .isEqualTo(BadCredentialsException.class);
    int checksBefore = heldBcrypt.checks.get();
    heldBcrypt.hold();
    List<Future<Class<?>>> calls = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      calls.add(threads.submit(() -> outcome(signIn, "alice", "right password", "203.0.113.5")));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> heldBcrypt.running.get() == 1);

    heldBcrypt.release();

    for (Future<Class<?>> call : calls) {
      assertThat(call.get(30, TimeUnit.SECONDS)).isNull();
    }
    assertThat(heldBcrypt.checks.get() - checksBefore).isEqualTo(1);
  }

  @Test
  void refusesAtOnceBeyondTheBound() {
    heldBcrypt.hold();
    BoundedPasswordEncoder none = new BoundedPasswordEncoder(heldBcrypt, 1);
    threads.submit(() -> none.matches("guess", bcrypt.encode("x")));
    await().atMost(Duration.ofSeconds(10)).until(() -> heldBcrypt.running.get() == 1);

    assertThatExceptionOfType(SignInBusyException.class)
        .isThrownBy(() -> none.matches("other guess", "{noop}x"));
  }

  /** Found by scripts/soak: six operators signing in at once right after start-up. */
  @Test
  void theFirstSignInsAfterStartUpAllSucceedWhenTheyArriveTogether() throws Exception {
    ThrottledAuthenticationProvider signIn = passwordSignIn(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Class<?>>> signIns = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      signIns.add(
          threads.submit(
              () -> {
                start.await();
                return outcome(signIn, "alice", "right password", "203.0.113.5");
              }));
    }
    start.countDown();
    for (Future<Class<?>> call : signIns) {
      assertThat(call.get(30, TimeUnit.SECONDS)).isNull();
    }
  }

  private ThrottledAuthenticationProvider passwordSignIn(int maxConcurrentChecks) {
    InMemoryUserDetailsManager users =
        new InMemoryUserDetailsManager(
            User.withUsername("alice")
                .password(bcrypt.encode("right password"))
                .roles("VIEWER")
                .build());
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(
        new RememberingPasswordEncoder(
            new BoundedPasswordEncoder(heldBcrypt, maxConcurrentChecks)));
    SignInThrottle throttle =
        new SignInThrottle(
            SignInThrottleTest.defaults(), new MutableClock(Instant.parse("2026-12-01T09:00:00Z")));
    return new ThrottledAuthenticationProvider(dao, throttle);
  }

  /** The exception class of a refused sign-in, or null when it succeeded. */
  private static Class<?> outcome(
      ThrottledAuthenticationProvider signIn, String user, String password, String address) {
    UsernamePasswordAuthenticationToken request =
        UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    request.setDetails(new WebAuthenticationDetails(address, null));
    try {
      Authentication result = signIn.authenticate(request);
      assertThat(result.isAuthenticated()).isTrue();
      return null;
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
}
