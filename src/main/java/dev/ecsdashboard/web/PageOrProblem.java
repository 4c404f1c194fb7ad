package dev.ecsdashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Whether an error is answered with the dashboard's error page or an RFC 9457 problem document: the
 * REST API ({@code /api/...}) always gets problem documents, whatever it asks for; any other
 * address gets the page when the client takes HTML (browsers, and clients that take anything).
 */
final class PageOrProblem {

  private PageOrProblem() {}

  /**
   * @param request the request, whose {@code Accept} header counts
   * @param path the address the error is about (for an error dispatch, the original one)
   */
  static boolean wantsPage(HttpServletRequest request, String path) {
    if (path != null && (isUnder(path, "/api") || isUnder(path, "/actuator"))) {
      return false;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      List<MediaType> accepted = MediaType.parseMediaTypes(accept);
      return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    } catch (InvalidMediaTypeException e) {
      return true;
    }
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
