package dev.ecsdashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} leads to the clusters. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "redirect:/clusters";
  }
}
