package dev.ecsdashboard.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Asks the {@link SignInThrottle} before a password or token is checked, and refuses an attempt
 * that has to wait with {@link SignInThrottledException}, so a locked-out guesser costs no bcrypt
 * work. Counting the outcome is {@link SignInLog}'s part.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider provider;
  private final SignInThrottle throttle;

  ThrottledAuthenticationProvider(AuthenticationProvider provider, SignInThrottle throttle) {
    this.provider = provider;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    SignInAttempt attempt = SignInAttempt.attempted(authentication);
    Duration wait = throttle.waitFor(attempt.user(), attempt.address());
    if (!wait.isZero()) {
      throw new SignInThrottledException(wait);
    }
    return provider.authenticate(authentication);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return provider.supports(authentication);
  }
}
