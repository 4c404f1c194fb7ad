package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskRef;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The go-to-task box of every page: a task ID (in a cluster, {@code default} when none is given, as
 * the CLI assumes) or a full task ARN (which carries its cluster) leads to the task's page. Input
 * that is not a task reference comes back with the reason and what was typed.
 */
@Controller
class GoToTaskController {

  static final String VIEW_GO = "task/go";

  private final ArnScope scope;

  GoToTaskController(ArnScope scope) {
    this.scope = scope;
  }

  @GetMapping("/go")
  String go(
      @RequestParam(required = false) String task,
      @RequestParam(required = false) String cluster,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("goTask", task);
    model.addAttribute("goCluster", cluster);
    if (task == null && cluster == null) {
      return VIEW_GO;
    }
    try {
      TaskRef ref = TaskRef.parse(trim(cluster), trim(task));
      scope.check("cluster", ref.cluster().arn());
      scope.check("task", ref.arn());
      return "redirect:/clusters/" + ref.cluster().name() + "/tasks/" + ref.id();
    } catch (InvalidReferenceException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("goErrorField", e.field());
      model.addAttribute("goError", e.getMessage());
      return VIEW_GO;
    }
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
