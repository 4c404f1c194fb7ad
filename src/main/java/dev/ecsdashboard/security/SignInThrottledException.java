package dev.ecsdashboard.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/**
 * A sign-in refused before its password was checked, as there were too many failures for its user
 * name, its address, or both: a temporary lock that ends after {@link #retryAfter()}. The same for
 * users that exist and names that do not, so it tells nothing about either.
 */
final class SignInThrottledException extends LockedException {

  private final Duration retryAfter;

  SignInThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins; the next attempt may come in " + retryAfter.toSeconds() + "s");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, for a {@code Retry-After} header. */
  long retryAfterSeconds() {
    return Math.max(1, retryAfter.plusMillis(999).toSeconds());
  }
}
