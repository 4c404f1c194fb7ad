package dev.ecsdashboard.security;

import dev.ecsdashboard.text.VisibleText;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Who tried to sign in, from where and how, as read from a sign-in's {@link Authentication} (the
 * request, or the result): the user name only where one was typed or proven (never a token), the
 * client's address as the request's details hold it (the peer, or the client a trusted proxy
 * names).
 *
 * @param user the user name, or null when the attempt named none (a bearer token that failed)
 * @param address the client's address
 * @param method how
 */
record SignInAttempt(String user, String address, Method method) {

  /** How someone signed in; the tag of the log line and the metric. */
  enum Method {
    FORM,
    BASIC,
    BEARER,
    OIDC,
    OTHER;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An attempt before (or refused at) its check: a name only if one was typed. */
  static SignInAttempt attempted(Authentication request) {
    String user = request instanceof UsernamePasswordAuthenticationToken ? request.getName() : null;
    return new SignInAttempt(user, address(request), method(request));
  }

  /** A sign-in that succeeded: the name it proved. */
  static SignInAttempt succeeded(Authentication result) {
    return new SignInAttempt(result.getName(), address(result), method(result));
  }

  /** The user name as a log line may show it: invisible characters written out, length bounded. */
  String shownUser() {
    return user == null ? "-" : VisibleText.of(user, 100);
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
  }

  private static Method method(Authentication authentication) {
    if (authentication.getDetails() instanceof SignInDetails details) {
      return details.method();
    }
    if (authentication instanceof BearerTokenAuthenticationToken
        || authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>) {
      return Method.BEARER;
    }
    if (authentication instanceof OAuth2LoginAuthenticationToken
        || authentication instanceof OAuth2AuthenticationToken
        || authentication instanceof OAuth2AuthorizationCodeAuthenticationToken) {
      return Method.OIDC;
    }
    return Method.OTHER;
  }
}
