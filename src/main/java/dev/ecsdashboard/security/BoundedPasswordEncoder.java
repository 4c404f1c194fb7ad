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
  private final SharedWork<String, String> encoding = new SharedWork<>();

  BoundedPasswordEncoder(PasswordEncoder encoder, int maxConcurrentChecks) {
    this.encoder = encoder;
    this.checks = new Semaphore(maxConcurrentChecks);
  }

  /**
   * Bounded too, waiting for a place rather than refused, and shared: Spring Security hashes one
   * dummy password on the first sign-ins after start-up (to check unknown names in the same time as
   * known ones), once per sign-in until one has finished. Those that arrive together share one hash
   * (any hash of the password will do), so that a tool's first parallel calls neither run a bcrypt
   * each nor find every place taken by the others' hashing.
   */
  @Override
  public String encode(CharSequence rawPassword) {
    return encoding.get(
        rawPassword.toString(),
        () -> {
          checks.acquireUninterruptibly();
          try {
            return encoder.encode(rawPassword);
          } finally {
            checks.release();
          }
        });
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
