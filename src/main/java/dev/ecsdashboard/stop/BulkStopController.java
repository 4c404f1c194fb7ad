package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditFilter;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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

/**
 * Stopping many tasks: GET shows the confirmation of the tasks selected on the tasks page (or of
 * all tasks matching its filter), POST has the service check and start the bulk stop, and its
 * result page refreshes itself until every task has its outcome (also after a restart: the audit
 * database keeps the bulk stop).
 */
@Controller
class BulkStopController {

  static final String VIEW_CONFIRM = "stop/bulk-confirm";
  static final String VIEW_RESULT = "stop/bulk-result";

  /** The fields of the bulk stop form; a request with any other is refused. */
  static final Set<String> FIELDS =
      Set.of(
          "task",
          "all",
          "desiredStatus",
          "serviceName",
          "family",
          "startedBy",
          "launchType",
          "reason",
          "confirmCluster",
          "_csrf");

  /** How {@link BulkStopService} names a bulk stop: a random UUID. */
  private static final Pattern BATCH_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final BulkStopService bulk;
  private final ReasonPolicy policy;
  private final ClusterAccess access;
  private final AuditStore audit;
  private final StopProperties properties;

  BulkStopController(
      BulkStopService bulk,
      ReasonPolicy policy,
      ClusterAccess access,
      AuditStore audit,
      StopProperties properties) {
    this.bulk = bulk;
    this.policy = policy;
    this.access = access;
    this.audit = audit;
    this.properties = properties;
  }

  /** Binds the form's own fields only: no indexed or nested paths ({@code task[9999]}). */
  @InitBinder("form")
  void bindFormFieldsOnly(WebDataBinder binder) {
    binder.setAllowedFields(FIELDS.toArray(String[]::new));
  }

  @GetMapping("/clusters/{cluster}/bulk-stop")
  String confirm(
      @PathVariable String cluster, @ModelAttribute("form") BulkStopForm form, Model model) {
    ClusterRef ref = ClusterRef.parse(cluster);
    access.checkStop(ref.name());
    List<String> tasks =
        form.isAll() ? bulk.matching(ref, form.query()) : valid(ref, form.getTask());
    model.addAttribute("tasks", tasks);
    return show(ref, form, tasks.size(), model);
  }

  @PostMapping("/clusters/{cluster}/bulk-stop")
  String stop(
      @PathVariable String cluster,
      @Valid @ModelAttribute("form") BulkStopForm form,
      BindingResult result,
      HttpServletRequest request,
      Model model,
      HttpServletResponse response) {
    ClusterRef ref = ClusterRef.parse(cluster);
    BulkStop batch;
    try {
      // The service checks the access rule first, then the form, the reason and the tasks.
      batch =
          bulk.start(
              new BulkStopRequest(
                  cluster,
                  form.getTask(),
                  form.isAll() ? form::query : null,
                  form.getConfirmCluster(),
                  form.getReason(),
                  false,
                  () -> StopInput.requireKnown(request.getParameterMap(), FIELDS)));
    } catch (InvalidStopInputException e) {
      reject(result, e);
      return refused(ref, form, model, response);
    } catch (InvalidStopReasonException e) {
      // The form's own validation of the same rules put the reason's errors in the result.
      return refused(ref, form, model, response);
    }
    return "redirect:/clusters/" + ref.name() + "/bulk-stop/" + batch.id();
  }

  /** A form error where the form shows it: next to its field, or above the form. */
  private static void reject(BindingResult result, InvalidStopInputException e) {
    if ("confirmCluster".equals(e.field())) {
      result.rejectValue(e.field(), e.messageKey(), e.args(), e.getMessage());
    } else {
      result.reject(e.messageKey(), e.args(), e.getMessage());
    }
  }

  private String refused(
      ClusterRef ref, BulkStopForm form, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    model.addAttribute("tasks", form.isAll() ? List.of() : form.getTask());
    return show(ref, form, form.isAll() ? -1 : form.getTask().size(), model);
  }

  @GetMapping("/clusters/{cluster}/bulk-stop/{id}")
  String result(@PathVariable String cluster, @PathVariable String id, Model model) {
    ClusterRef ref = ClusterRef.parse(cluster);
    if (!BATCH_ID.matcher(id).matches()) {
      throw new InvalidReferenceException(
          "bulk stop ID", id, "A bulk stop ID is a UUID, as in the address a bulk stop goes to.");
    }
    access.checkRead(ref.name());
    model.addAttribute("cluster", ref.name());
    model.addAttribute("batchId", id);
    Optional<BulkStop> batch = bulk.find(id);
    if (batch.isPresent()) {
      model.addAttribute("batch", batch.get());
      if (!batch.get().isDone()) {
        model.addAttribute("autoRefresh", properties.progressRefresh().toSeconds());
      }
    } else {
      // A bulk stop from before the audit database kept bulk stops: its records.
      model.addAttribute("records", audit.findAll(AuditFilter.batch(id).seenBy(access)));
    }
    return VIEW_RESULT;
  }

  /**
   * The tasks as given, once each: a malformed one is refused before anything is sent. An ARN is
   * passed on as an ARN, so that the service can refuse one of another region or account.
   */
  private static List<String> valid(ClusterRef ref, List<String> tasks) {
    return tasks.stream()
        .map(t -> TaskRef.parse(ref.name(), t))
        .map(t -> t.arn().map(Object::toString).orElse(t.id()))
        .distinct()
        .toList();
  }

  private String show(ClusterRef ref, BulkStopForm form, int count, Model model) {
    String user = access.currentUser();
    model.addAttribute("cluster", ref.name());
    model.addAttribute("count", count);
    model.addAttribute("maxTasks", bulk.maxTasks());
    model.addAttribute("maxReasonLength", policy.maxLength(user));
    model.addAttribute("attributionExample", policy.example(user));
    model.addAttribute("remaining", policy.remaining(form.getReason(), user));
    model.addAttribute("reasonRequired", policy.isRequired());
    model.addAttribute("stopTimeoutSeconds", properties.stopTimeout().toSeconds());
    return VIEW_CONFIRM;
  }
}
