package dev.ecsdashboard.security;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most a set number of password checks (bcrypt, tens of milliseconds of CPU each, on
 * purpose) run at once. A check beyond that fails at once with {@link SignInBusyException} instead
 * of waiting: queued checks would hold request threads, and parallel ones would take every core, so
 * either way a burst of wrong passwords would slow down every page and health check.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

  private final PasswordEncoder encoder;
  private final Semaphore checks;

  BoundedPasswordEncoder(PasswordEncoder encoder, int maxConcurrentChecks) {
    this.encoder = encoder;
    this.checks = new Semaphore(maxConcurrentChecks);
  }

  /**
   * Bounded too: Spring Security hashes a dummy password on the first sign-ins (to check unknown
   * names in the same time as known ones), and a burst right after start-up must not run one each.
   */
  @Override
  public String encode(CharSequence rawPassword) {
    return bounded(() -> encoder.encode(rawPassword));
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return bounded(() -> encoder.matches(rawPassword, encodedPassword));
  }

  private <T> T bounded(Supplier<T> work) {
    if (!checks.tryAcquire()) {
      throw new SignInBusyException();
    }
    try {
      return work.get();
    } finally {
      checks.release();
    }
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return encoder.upgradeEncoding(encodedPassword);
  }
}
