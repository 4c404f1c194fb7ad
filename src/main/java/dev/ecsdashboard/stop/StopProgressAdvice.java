package dev.ecsdashboard.stop;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code stopProgress}, which a page showing a task asks whether to reload itself:
 * a task page sets {@code autoRefresh} from it, and the layout turns that into a {@code <meta
 * http-equiv="refresh">}, so the page follows a stopping task to STOPPED without JavaScript.
 */
@ControllerAdvice
class StopProgressAdvice {

  private final StopProgress progress;

  // A plain property rather than StopProperties, so that every MVC slice test can build it.
  StopProgressAdvice(@Value("${dashboard.stop.progress-refresh:2s}") Duration refresh) {
    this.progress = new StopProgress(Math.max(1, refresh.toSeconds()));
  }

  @ModelAttribute("stopProgress")
  StopProgress stopProgress() {
    return progress;
  }

  /** When a page showing a task reloads itself. */
  public record StopProgress(long seconds) {

    /**
     * The reload interval while ECS is stopping the task (desired STOPPED, last status not yet),
     * otherwise null: a stopped or running task's page stays still.
     */
    public Long refreshSeconds(String desiredStatus, String lastStatus) {
      boolean stopping =
          "STOPPED".equals(desiredStatus)
              && !"STOPPED".equals(lastStatus)
              && !"DELETED".equals(lastStatus);
      return stopping ? seconds : null;
    }
  }
}
