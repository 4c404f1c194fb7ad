package dev.ecsdashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's CSRF token handling (masked tokens in forms), except that a token is taken only
 * from the {@code X-CSRF-TOKEN} header or the form body: a request whose query string carries the
 * token parameter has no token. Servlet parameters mix the query string with the body, and a token
 * in an address ends up in browser histories, proxy logs and {@code Referer} headers.
 */
final class CsrfTokenOutsideQuery implements CsrfTokenRequestHandler {

  private final XorCsrfTokenRequestAttributeHandler handler =
      new XorCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
    handler.handle(request, response, csrfToken);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
    if (request.getHeader(csrfToken.getHeaderName()) == null
        && inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
      return null;
    }
    return handler.resolveCsrfTokenValue(request, csrfToken);
  }

  /** Whether the query string names the parameter, decoded as the servlet container decodes it. */
  static boolean inQueryString(String query, String parameter) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      String name = pair.split("=", 2)[0];
      try {
        if (parameter.equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
          return true;
        }
      } catch (IllegalArgumentException malformed) {
        // Cannot tell what it names: no token rather than a guess.
        return true;
      }
    }
    return false;
  }
}
