package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsProperties;
import dev.ecsdashboard.security.DemoUsersProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: whether the data and the users are the demo's, which section of
 * the navigation is current, and how often a live region (the tasks page) refreshes itself in the
 * browser.
 *
 * <p>The demo banners are read from this bean ({@code ${@layout.demoUsers()}}) rather than from the
 * model, so that they show on every page, error pages made by exception handlers included (Spring
 * gives those a model of their own, without the attributes below).
 */
@ControllerAdvice(name = "layout")
class LayoutModelAdvice {

  private final EcsProperties ecs;
  private final boolean demoUsers;
  private final long liveRefreshSeconds;

  // A plain property rather than a properties record, so that every MVC slice test can build it.
  LayoutModelAdvice(
      EcsProperties ecs,
      DemoUsersProperties demoUsers,
      @Value("${dashboard.web.live-refresh:10s}") Duration liveRefresh) {
    this.ecs = ecs;
    this.demoUsers = demoUsers.demoUsers();
    this.liveRefreshSeconds = Math.max(1, liveRefresh.toSeconds());
  }

  /** Whether the data is the demo ECS's, not a real account's. */
  public boolean demoData() {
    return ecs.mode() == EcsProperties.Mode.DEMO;
  }

  /** Whether the demo users, whose passwords are their names, can sign in. */
  public boolean demoUsers() {
    return demoUsers;
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
