package dev.ecsdashboard.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Every sign-in, whichever way (form, HTTP Basic, bearer token, single sign-on), and whatever its
 * outcome, as one structured log line (logger {@code dev.ecsdashboard.signin}: user, address,
 * method, outcome; never a password or token) and one count of the metric {@code
 * dashboard.signins{method, outcome}}. Failures of passwords and tokens also go to the {@link
 * SignInThrottle}. Spring Security's authentication managers report to it as their event publisher.
 */
final class SignInLog implements AuthenticationEventPublisher {

  static final String METRIC = "dashboard.signins";

  private static final Logger log = LoggerFactory.getLogger("dev.ecsdashboard.signin");

  /** The outcome of a sign-in; the tag of the log line and the metric. */
  enum Outcome {
    /** Signed in. */
    SUCCESS,
    /** A wrong password, user name or token. */
    FAILURE,
    /** Refused unchecked: too many failures lately. */
    THROTTLED,
    /** Refused unchecked: too many password checks running. */
    BUSY,
    /** The check itself failed (e.g. the provider's keys could not be read). */
    ERROR;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final SignInThrottle throttle;
  private final MeterRegistry meters;

  /**
   * @param meters where to count, or null for no metric
   */
  SignInLog(SignInThrottle throttle, MeterRegistry meters) {
    this.throttle = throttle;
    this.meters = meters;
  }

  @Override
  public void publishAuthenticationSuccess(Authentication authentication) {
    SignInAttempt attempt = SignInAttempt.succeeded(authentication);
    throttle.succeeded(attempt.user(), attempt.address());
    record(attempt, Outcome.SUCCESS, log.atInfo());
  }

  @Override
  public void publishAuthenticationFailure(
      AuthenticationException exception, Authentication authentication) {
    SignInAttempt attempt = SignInAttempt.attempted(authentication);
    LoggingEventBuilder line = log.atWarn();
    Outcome outcome;
    if (exception instanceof SignInThrottledException throttled) {
      outcome = Outcome.THROTTLED;
      line = line.addKeyValue("signin.retryAfter", throttled.retryAfterSeconds());
    } else if (exception instanceof SignInBusyException) {
      outcome = Outcome.BUSY;
    } else if (exception instanceof AuthenticationServiceException) {
      outcome = Outcome.ERROR;
    } else {
      outcome = Outcome.FAILURE;
      // Single sign-on checks passwords at the provider: its failures are no guesses here.
      if (attempt.method() != SignInAttempt.Method.OIDC) {
        throttle.failed(attempt.user(), attempt.address());
      }
    }
    record(attempt, outcome, line);
  }

  private void record(SignInAttempt attempt, Outcome outcome, LoggingEventBuilder line) {
    String user = attempt.shownUser();
    line.addKeyValue("signin.user", user)
        .addKeyValue("signin.address", attempt.address())
        .addKeyValue("signin.method", attempt.method().tag())
        .addKeyValue("signin.outcome", outcome.tag())
        .log(
            "sign-in {} for {} from {} ({})",
            outcome.tag(),
            user,
            attempt.address(),
            attempt.method().tag());
    if (meters != null) {
      Counter.builder(METRIC)
          .description("Sign-ins by method and outcome")
          .tag("method", attempt.method().tag())
          .tag("outcome", outcome.tag())
          .register(meters)
          .increment();
    }
  }
}
