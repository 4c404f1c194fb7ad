package dev.ecsdashboard.security;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test only: bcrypt that counts its checks and how many run at once, and can hold them until the
 * test releases them, so that a test sees exactly which sign-ins cost a check.
 */
final class CountedBcrypt implements PasswordEncoder {

  final AtomicInteger checks = new AtomicInteger();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostRunning = new AtomicInteger();

  private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private volatile CountDownLatch gate = new CountDownLatch(0);

  /** Checks from now on wait (up to 30 s) until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return bcrypt.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    checks.incrementAndGet();
    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      gate.await(30, TimeUnit.SECONDS);
      return bcrypt.matches(rawPassword, encodedPassword);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      running.decrementAndGet();
    }
  }
}
