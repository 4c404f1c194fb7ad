package dev.ecsdashboard.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A password could not be checked now, as the most bcrypt checks allowed at once are running
 * ({@link BoundedPasswordEncoder}): the sign-in is refused at once (503, try again in a moment)
 * rather than queued, so that a burst of guesses cannot starve every other request of CPU.
 */
final class SignInBusyException extends AuthenticationException {

  SignInBusyException() {
    super("Too many password checks at once");
  }
}
