package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stopping one task: GET shows the confirmation (what a stop does, the tags ECS will delete, the
 * reason field), POST validates the reason and stops, then goes back to the task's page, which
 * follows the task until it has stopped.
 */
@Controller
class StopController {

  static final String VIEW_CONFIRM = "stop/confirm";

  private final StopService stops;
  private final ReasonPolicy policy;
  private final ClusterAccess access;
  private final StopProperties properties;

  StopController(
      StopService stops, ReasonPolicy policy, ClusterAccess access, StopProperties properties) {
    this.stops = stops;
    this.policy = policy;
    this.access = access;
    this.properties = properties;
  }

  @GetMapping("/clusters/{cluster}/tasks/{task}/stop")
  String confirm(@PathVariable String cluster, @PathVariable String task, Model model) {
    TaskRef ref = TaskRef.parse(cluster, task);
    access.checkStop(ref.cluster().name());
    model.addAttribute("form", new StopForm());
    model.addAttribute("preview", stops.preview(ref));
    return show(ref, "", model);
  }

  @PostMapping("/clusters/{cluster}/tasks/{task}/stop")
  String stop(
      @PathVariable String cluster,
      @PathVariable String task,
      @Valid @ModelAttribute("form") StopForm form,
      BindingResult result,
      @RequestParam(required = false) String cancel,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    TaskRef ref = TaskRef.parse(cluster, task);
    String taskPage = "redirect:/clusters/" + ref.cluster().name() + "/tasks/" + ref.id();
    if (cancel != null) {
      return taskPage;
    }
    if (result.hasErrors()) {
      // No ECS call for a rejected form: the page shows the reason as typed and what is wrong.
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return show(ref, form.getReason(), model);
    }
    StopResult stopped = stops.stop(ref, form.getReason(), false);
    boolean sent = stopped.outcome() == StopOutcome.STOPPED;
    redirect.addFlashAttribute(
        "stopFlash", sent ? "stop.flash.stopped" : "stop.flash.already-stopped");
    redirect.addFlashAttribute("stopFlashTask", ref.shortId());
    redirect.addFlashAttribute("stopFlashReason", stopped.reasonSent());
    return taskPage;
  }

  private String show(TaskRef ref, String typed, Model model) {
    String user = access.currentUser();
    model.addAttribute("cluster", ref.cluster().name());
    model.addAttribute("taskId", ref.id());
    model.addAttribute("maxReasonLength", policy.maxLength(user));
    model.addAttribute("attributionExample", policy.example(user));
    model.addAttribute("remaining", policy.remaining(typed, user));
    model.addAttribute("reasonRequired", policy.isRequired());
    model.addAttribute("stopTimeoutSeconds", properties.stopTimeout().toSeconds());
    return VIEW_CONFIRM;
  }
}
