package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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

  /** The fields of the stop form; a request with any other is refused. */
  static final Set<String> FIELDS = Set.of("reason", "cancel", "_csrf");

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

  /** Binds the form's own fields only: no indexed or nested paths ({@code task[9999]}). */
  @InitBinder("form")
  void bindFormFieldsOnly(WebDataBinder binder) {
    binder.setAllowedFields("reason");
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
      HttpServletRequest request,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (cancel != null) {
      TaskRef ref = TaskRef.parse(cluster, task);
      return "redirect:/clusters/" + ref.cluster().name() + "/tasks/" + ref.id();
    }
    StopResult stopped;
    try {
      // The service checks the access rule first, then the form and the reason.
      stopped =
          stops.stop(
              cluster,
              task,
              form.getReason(),
              false,
              () -> StopInput.requireKnown(request.getParameterMap(), FIELDS));
    } catch (InvalidStopReasonException e) {
      // Nothing was sent: the page shows the reason as typed and what is wrong (the form's own
      // validation of the same rules put it in the binding result).
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return show(TaskRef.parse(cluster, task), form.getReason(), model);
    }
    TaskRef ref = TaskRef.parse(cluster, task);
    boolean sent = stopped.outcome() == StopOutcome.STOPPED;
    redirect.addFlashAttribute(
        "stopFlash", sent ? "stop.flash.stopped" : "stop.flash.already-stopped");
    redirect.addFlashAttribute("stopFlashTask", ref.shortId());
    redirect.addFlashAttribute("stopFlashReason", stopped.reasonSent());
    return "redirect:/clusters/" + ref.cluster().name() + "/tasks/" + ref.id();
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
