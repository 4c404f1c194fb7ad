package dev.ecsdashboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the form for local users and/or the single sign-on button. While the demo users
 * are active ({@link DemoUsersProperties}) it lists them and what each may do, so a newcomer can
 * try each role. After a refused sign-in it says why in plain words (a wrong name or password, too
 * many failures, too busy), never whether the user exists.
 */
@Controller
class LoginController {

  static final String VIEW = "login";

  private final SecurityProperties security;
  private final DemoUsersProperties demo;
  private final MessageSource messages;

  LoginController(SecurityProperties security, DemoUsersProperties demo, MessageSource messages) {
    this.security = security;
    this.demo = demo;
    this.messages = messages;
  }

  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    if (request.getParameterMap().containsKey("error")) {
      model.addAttribute("signInError", signInError(request.getSession(false)));
    }
    List<DemoUser> demoUsers =
        demo.demoUsers()
            ? security.users().stream()
                .map(u -> new DemoUser(u.username(), Grants.parse(u.roles()).describe()))
                .toList()
            : List.of();
    model.addAttribute("demoUsers", demoUsers);
    model.addAttribute("localUsers", !security.users().isEmpty());
    model.addAttribute("singleSignOn", security.oidc() != null);
    model.addAttribute(
        "singleSignOnUrl", "/oauth2/authorization/" + OidcConfiguration.REGISTRATION_ID);
    return VIEW;
  }

  /** Why the last sign-in of this browser was refused (Spring Security keeps it in the session). */
  private String signInError(HttpSession session) {
    Object refusal =
        session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    if (refusal instanceof SignInThrottledException throttled) {
      long seconds = throttled.retryAfterSeconds();
      String wait =
          seconds < 120
              ? message("signin.wait.seconds", seconds)
              : message("signin.wait.minutes", (seconds + 59) / 60);
      return message("signin.error.throttled", wait);
    }
    return message(
        refusal instanceof SignInBusyException ? "signin.error.busy" : "signin.error.wrong");
  }

  private String message(String key, Object... arguments) {
    return messages.getMessage(key, arguments, Locale.ENGLISH);
  }

  /**
   * A demo user as the sign-in page shows it; demo passwords equal the user names.
   *
   * @param username the user name, which is also the password
   * @param may what the user may do, in a sentence
   */
  record DemoUser(String username, String may) {}
}
