package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: whether the data is the demo's, which section of the navigation
 * is current, and how often a live region (the tasks page) refreshes itself in the browser.
 */
@ControllerAdvice
class LayoutModelAdvice {

  private final EcsProperties ecs;
  private final long liveRefreshSeconds;

  // A plain property rather than a properties record, so that every MVC slice test can build it.
  LayoutModelAdvice(
      EcsProperties ecs, @Value("${dashboard.web.live-refresh:10s}") Duration liveRefresh) {
    this.ecs = ecs;
    this.liveRefreshSeconds = Math.max(1, liveRefresh.toSeconds());
  }

  @ModelAttribute("demoMode")
  boolean demoMode() {
    return ecs.mode() == EcsProperties.Mode.DEMO;
  }

  /** The navigation section of this page ("clusters", "activity"), for aria-current. */
  @ModelAttribute("navSection")
  String navSection(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/clusters")) {
      return "clusters";
    }
    return path.startsWith("/activity") ? "activity" : "";
  }

  @ModelAttribute("liveRefresh")
  long liveRefresh() {
    return liveRefreshSeconds;
  }
}
