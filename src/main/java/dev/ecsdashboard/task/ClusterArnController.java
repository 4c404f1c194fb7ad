package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.TaskRef;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Accepts a full cluster ARN where a page's URL has the cluster name ({@code
 * /clusters/arn:aws:ecs:REGION:ACCOUNT:cluster/NAME/tasks}) and redirects to the URL with the name,
 * once the ARN is known to be of this dashboard's region and account.
 */
@Controller
class ClusterArnController {

  private final ArnScope scope;

  ClusterArnController(ArnScope scope) {
    this.scope = scope;
  }

  @GetMapping("/clusters/{prefix:arn:.+}/{name}/tasks")
  String tasks(@PathVariable String prefix, @PathVariable String name, HttpServletRequest request) {
    return "redirect:/clusters/" + clusterName(prefix, name) + "/tasks" + query(request);
  }

  @GetMapping("/clusters/{prefix:arn:.+}/{name}/tasks/{task}")
  String task(@PathVariable String prefix, @PathVariable String name, @PathVariable String task) {
    String cluster = clusterName(prefix, name);
    return "redirect:/clusters/" + cluster + "/tasks/" + TaskRef.parse(cluster, task).id();
  }

  @GetMapping("/clusters/{prefix:arn:.+}/{name}/tasks/{task}.json")
  String taskJson(
      @PathVariable String prefix, @PathVariable String name, @PathVariable String task) {
    return task(prefix, name, task) + ".json";
  }

  private String clusterName(String prefix, String name) {
    ClusterRef cluster = ClusterRef.parse(prefix + "/" + name);
    scope.check("cluster", cluster.arn());
    return cluster.name();
  }

  private static String query(HttpServletRequest request) {
    return request.getQueryString() == null ? "" : "?" + request.getQueryString();
  }
}
