package dev.ecsdashboard.cluster;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The clusters page. */
@Controller
class ClusterController {

  static final String VIEW_LIST = "cluster/list";

  private final ClusterService clusters;

  ClusterController(ClusterService clusters) {
    this.clusters = clusters;
  }

  @GetMapping("/clusters")
  String list(Model model) {
    model.addAttribute("clusters", clusters.clusters());
    return VIEW_LIST;
  }
}
