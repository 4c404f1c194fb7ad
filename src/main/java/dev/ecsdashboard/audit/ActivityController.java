package dev.ecsdashboard.audit;

import dev.ecsdashboard.security.ClusterAccess;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activity page: the audit trail of stops, newest first, filterable by user, cluster and
 * outcome. An administrator sees everyone's stops; other users see their own.
 */
@Controller
class ActivityController {

  static final String VIEW = "audit/activity";

  private final AuditStore store;
  private final ClusterAccess access;
  private final AuditProperties properties;

  ActivityController(AuditStore store, ClusterAccess access, AuditProperties properties) {
    this.store = store;
    this.access = access;
    this.properties = properties;
  }

  @GetMapping("/activity")
  String activity(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String outcome,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    boolean everyone = access.isAdmin();
    AuditOutcome wanted = parse(outcome);
    AuditFilter filter = new AuditFilter(user, cluster, wanted, null).seenBy(access);
    String shownUser = filter.user();
    model.addAttribute("page", store.find(filter, Math.max(0, page), properties.pageSize()));
    model.addAttribute("everyone", everyone);
    model.addAttribute("user", shownUser);
    model.addAttribute("cluster", cluster);
    model.addAttribute("outcome", wanted);
    model.addAttribute("outcomes", AuditOutcome.values());
    return VIEW;
  }

  private static AuditOutcome parse(String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return null;
    }
    try {
      return AuditOutcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
