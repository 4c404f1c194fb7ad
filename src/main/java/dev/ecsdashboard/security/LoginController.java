package dev.ecsdashboard.security;

import dev.ecsdashboard.ecs.EcsProperties;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; in demo mode it lists the demo users so a newcomer can try each role. */
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
                .map(u -> new DemoUser(u.username(), String.join(", ", u.roles())))
                .toList()
            : List.of();
    model.addAttribute("demoUsers", demoUsers);
    return VIEW;
  }

  /** A demo user as the sign-in page shows it; demo passwords equal the user names. */
  record DemoUser(String username, String roles) {}
}
