package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.EcsProperties;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the form for local users and/or the single sign-on button. In demo mode it
 * lists the demo users and what each may do, so a newcomer can try each role.
 */
@Controller
class LoginController {

  static final String VIEW = "login";

  private final SecurityProperties security;
  private final EcsProperties ecs;

  LoginController(SecurityProperties security, EcsProperties ecs) {
    this.security = security;
    this.ecs = ecs;
  }

  @GetMapping("/login")
  String login(Model model) {
    List<DemoUser> demoUsers =
        ecs.mode() == EcsProperties.Mode.DEMO
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

  /**
   * A demo user as the sign-in page shows it; demo passwords equal the user names.
   *
   * @param username the user name, which is also the password
   * @param may what the user may do, in a sentence
   */
  record DemoUser(String username, String may) {}
}
