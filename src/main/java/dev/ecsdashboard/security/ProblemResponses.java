package dev.ecsdashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 for tools ({@code /api/**}, Actuator) as RFC 9457 problem documents, never a redirect
 * to the sign-in page. A 401 names the schemes the dashboard accepts in {@code WWW-Authenticate}; a
 * sign-in refused unchecked is 429 (too many failures) or 503 (too many checks at once), with
 * {@code Retry-After}.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "ECS Dashboard";

  private final JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter();
  private final boolean basic;
  private final BearerTokenAuthenticationEntryPoint bearer;

  /**
   * @param basic whether HTTP Basic is accepted (there are local users)
   * @param bearer whether bearer tokens are accepted (there is an OpenID Connect provider)
   */
  ProblemResponses(boolean basic, boolean bearer) {
    this.basic = basic;
    this.bearer = bearer ? new BearerTokenAuthenticationEntryPoint() : null;
    if (this.bearer != null) {
      this.bearer.setRealmName(REALM);
    }
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof SignInThrottledException throttled) {
      long seconds = throttled.retryAfterSeconds();
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
      write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many failed sign-ins from this address or with this user name. Try again in "
              + seconds
              + " seconds.");
      return;
    }
    if (e instanceof SignInBusyException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The dashboard is checking too many passwords at once. Try again in a moment.");
      return;
    }
    if (bearer != null) {
      // Sets WWW-Authenticate: Bearer, with the error of a rejected token.
      bearer.commence(request, response, e);
    }
    if (basic) {
      response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    }
    String accepted =
        basic && bearer != null
            ? "HTTP Basic credentials of a dashboard user or a bearer token from the single"
                + " sign-on provider"
            : basic ? "HTTP Basic credentials of a dashboard user" : "a bearer token";
    String detail =
        request.getHeader(HttpHeaders.AUTHORIZATION) == null
            ? "Sign in: send " + accepted + "."
            : "The credentials were not accepted. Send " + accepted + ".";
    write(request, response, HttpStatus.UNAUTHORIZED, detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String detail =
        e instanceof ClusterAccessDeniedException denied
            ? denied.getMessage() + "."
            : "Your roles do not allow this request.";
    write(request, response, HttpStatus.FORBIDDEN, detail);
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    converter.write(
        problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
  }
}
