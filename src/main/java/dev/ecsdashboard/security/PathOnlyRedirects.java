package dev.ecsdashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Redirects within the dashboard by path only. After signing in, Spring Security sends the browser
 * back to the page it first asked for, by the whole address it kept, with the scheme and host the
 * request carried then ({@code Host} or a proxy's {@code X-Forwarded-Host}); this keeps only the
 * path and query, so no header can lead a browser to another site.
 */
final class PathOnlyRedirects extends DefaultRedirectStrategy {

  /**
   * The sign-in page, by a relative address: the {@code Host} header (or a forged {@code
   * X-Forwarded-Host}) never names where the browser goes.
   */
  static LoginUrlAuthenticationEntryPoint signInPage() {
    LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
    signIn.setFavorRelativeUris(true);
    return signIn;
  }

  /** Back to the page first asked for, else the clusters. */
  static SavedRequestAwareAuthenticationSuccessHandler afterSignIn() {
    SavedRequestAwareAuthenticationSuccessHandler handler =
        new SavedRequestAwareAuthenticationSuccessHandler();
    handler.setDefaultTargetUrl("/clusters");
    handler.setRedirectStrategy(new PathOnlyRedirects());
    return handler;
  }

  @Override
  public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
      throws IOException {
    super.sendRedirect(request, response, pathOnly(url));
  }

  static String pathOnly(String url) {
    UriComponents uri;
    try {
      uri = UriComponentsBuilder.fromUriString(url).build();
    } catch (IllegalArgumentException malformed) {
      return "/";
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    // One leading slash: "//host/x" would be an address on another host.
    path = "/" + path.replaceFirst("^[/\\\\]+", "");
    return uri.getQuery() == null ? path : path + "?" + uri.getQuery();
  }
}
