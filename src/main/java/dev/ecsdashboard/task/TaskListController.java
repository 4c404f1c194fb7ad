package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.task.PageTrail.Page;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The tasks of one cluster, filtered as ListTasks allows, one page of up to 100 at a time or all of
 * them. The URL holds the filters and the page token, so that a view can be shared by link.
 */
@Controller
class TaskListController {

  static final String VIEW_LIST = "task/list";
  static final List<String> DESIRED_STATUSES = List.of("RUNNING", "STOPPED");
  static final List<String> LAUNCH_TYPES =
      LaunchType.knownValues().stream().map(LaunchType::toString).sorted().toList();

  private final TaskService tasks;

  TaskListController(TaskService tasks) {
    this.tasks = tasks;
  }

  @GetMapping("/clusters/{cluster}")
  String cluster(@PathVariable String cluster) {
    return "redirect:/clusters/" + ClusterRef.parse(cluster).name() + "/tasks";
  }

  @GetMapping("/clusters/{cluster}/tasks")
  String list(
      @PathVariable String cluster,
      TaskFilter filter,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String all,
      Model model,
      HttpSession session,
      HttpServletResponse response) {
    ClusterRef ref = ClusterRef.parse(cluster);
    boolean everyTask = "true".equals(all);
    model.addAttribute("clusterName", ref.name());
    model.addAttribute("filter", filter);
    model.addAttribute("all", everyTask);
    model.addAttribute("desiredStatuses", DESIRED_STATUSES);
    model.addAttribute("launchTypes", LAUNCH_TYPES);
    model.addAttribute("rows", List.of());
    model.addAttribute(
        "clearUrl", new TaskFilter(null, null, null, null, null).link(ref.name(), Map.of()));
    TaskQuery query;
    try {
      query = filter.toQuery();
      if (everyTask) {
        showAll(ref, filter, query, model);
      } else {
        showPage(ref, filter, query, blankToNull(page), model, session);
      }
    } catch (InvalidReferenceException e) {
      reject(model, response, e.field(), e.getMessage());
    } catch (EcsInvalidParameterException e) {
      // ECS refuses some combinations (startedBy with other filters, for example).
      reject(model, response, null, e.getMessage());
    }
    return VIEW_LIST;
  }

  private void showAll(ClusterRef cluster, TaskFilter filter, TaskQuery query, Model model) {
    model.addAttribute("rows", tasks.allTasks(cluster, query).stream().map(TaskRow::of).toList());
    model.addAttribute("pagedUrl", filter.link(cluster.name(), Map.of()));
  }

  private void showPage(
      ClusterRef cluster,
      TaskFilter filter,
      TaskQuery query,
      String token,
      Model model,
      HttpSession session) {
    TaskService.TaskPage page = tasks.page(cluster, query, token);
    String listing = cluster.name() + filter.parameters();
    PageTrail trail = trail(session);
    Page current = trail.current(listing, token);
    trail.followed(listing, current, page.nextToken());
    model.addAttribute("rows", page.tasks().stream().map(TaskRow::of).toList());
    model.addAttribute("pageNumber", current == null ? null : current.number());
    model.addAttribute("allUrl", filter.link(cluster.name(), Map.of("all", "true")));
    if (page.nextToken() != null) {
      model.addAttribute("nextUrl", filter.link(cluster.name(), Map.of("page", page.nextToken())));
    }
    if (token != null) {
      model.addAttribute("firstUrl", filter.link(cluster.name(), Map.of()));
      Page before = trail.before(listing, token);
      if (before != null) {
        model.addAttribute(
            "previousUrl",
            filter.link(
                cluster.name(),
                before.token() == null ? Map.of() : Map.of("page", before.token())));
      }
    }
  }

  private static void reject(
      Model model, HttpServletResponse response, String field, String message) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("filterErrorField", field);
    model.addAttribute("filterError", message);
  }

  private static PageTrail trail(HttpSession session) {
    Object trail = session.getAttribute(PageTrail.SESSION_ATTRIBUTE);
    if (trail instanceof PageTrail existing) {
      return existing;
    }
    PageTrail created = new PageTrail();
    session.setAttribute(PageTrail.SESSION_ATTRIBUTE, created);
    return created;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
