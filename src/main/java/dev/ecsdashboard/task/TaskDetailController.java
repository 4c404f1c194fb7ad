package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.WireJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One task's page, with every field ECS reports, and the same task as ECS's wire JSON. The path
 * holds the cluster name and the task ID; a task ARN goes through the go-to-task box.
 */
@Controller
class TaskDetailController {

  static final String VIEW_DETAIL = "task/detail";

  private final TaskService tasks;

  TaskDetailController(TaskService tasks) {
    this.tasks = tasks;
  }

  @GetMapping("/clusters/{cluster}/tasks/{task}")
  String show(@PathVariable String cluster, @PathVariable String task, Model model) {
    TaskRef ref = TaskRef.parse(cluster, task);
    model.addAttribute("clusterName", ref.cluster().name());
    model.addAttribute("task", TaskDetails.of(tasks.task(ref)));
    return VIEW_DETAIL;
  }

  @GetMapping("/clusters/{cluster}/tasks/{task}.json")
  ResponseEntity<String> json(@PathVariable String cluster, @PathVariable String task) {
    Task described = tasks.task(TaskRef.parse(cluster, task));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(WireJson.toJson(described).toString());
  }
}
