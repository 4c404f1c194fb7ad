package dev.ecsdashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The 403 page for browsers, in plain words: who is signed in, what was refused, and what they may
 * do. Spring Security forwards here (any method) when it refuses a page or a form.
 */
@Controller
class AccessDeniedController {

  static final String PATH = "/access-denied";
  static final String VIEW = "error";

  private final ClusterAccess access;

  AccessDeniedController(ClusterAccess access) {
    this.access = access;
  }

  @RequestMapping(PATH)
  String accessDenied(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    Object refused = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
    model.addAttribute("status", HttpStatus.FORBIDDEN.value());
    if (refused instanceof CsrfException) {
      model.addAttribute("title", "This form has expired");
      model.addAttribute(
          "detail",
          "The form was sent without a valid security token, for example because it was opened"
              + " before you signed in again. Go back, reload the page and send the form again.");
      return VIEW;
    }
    String you = "You are signed in as " + access.currentUser() + ". ";
    String reason =
        refused instanceof ClusterAccessDeniedException denied
            ? "You may not "
                + (denied.action() == ClusterAccessDeniedException.Action.STOP
                    ? "stop tasks of cluster "
                    : "see cluster ")
                + denied.cluster()
                + ". "
            : "Your roles do not allow this page. ";
    model.addAttribute("title", "Not allowed");
    model.addAttribute(
        "detail",
        you
            + reason
            + "What you may do: "
            + access.describeCurrentUser()
            + " An administrator grants roles in the dashboard's configuration.");
    return VIEW;
  }
}
