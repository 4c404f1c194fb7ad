package dev.ecsdashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details Spring Security keeps with a password sign-in (the client's address), plus whether it
 * came through the sign-in form or HTTP Basic, which look alike otherwise.
 */
final class SignInDetails extends WebAuthenticationDetails {

  private final SignInAttempt.Method method;

  private SignInDetails(HttpServletRequest request, SignInAttempt.Method method) {
    super(request);
    this.method = method;
  }

  /** The details source of the form or of HTTP Basic. */
  static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source(
      SignInAttempt.Method method) {
    return request -> new SignInDetails(request, method);
  }

  SignInAttempt.Method method() {
    return method;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other)
        && other instanceof SignInDetails details
        && details.method == method;
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), method);
  }
}
