package dev.ecsdashboard.stop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Makes any page that shows a stopping task (a {@code task} in its model whose desired status is
 * STOPPED and whose last status is not yet) reload itself, so that it follows the task to STOPPED
 * without JavaScript: the layout turns {@code autoRefresh} into a {@code <meta
 * http-equiv=refresh>}.
 */
class StopProgressInterceptor implements HandlerInterceptor {

  private final long seconds;

  StopProgressInterceptor(java.time.Duration refresh) {
    this.seconds = Math.max(1, refresh.toSeconds());
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
    if (view != null
        && view.getModel().get("task") instanceof Task task
        && isStopping(task)
        && !view.getModel().containsKey("autoRefresh")) {
      view.addObject("autoRefresh", seconds);
    }
  }

  /** Whether ECS is stopping the task: desired STOPPED, last status not there yet. */
  static boolean isStopping(Task task) {
    return "STOPPED".equals(task.desiredStatus())
        && !"STOPPED".equals(task.lastStatus())
        && !"DELETED".equals(task.lastStatus());
  }
}
