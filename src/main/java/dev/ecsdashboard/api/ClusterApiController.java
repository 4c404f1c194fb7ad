package dev.ecsdashboard.api;

import dev.ecsdashboard.cluster.ClusterService;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.task.TaskFilter;
import dev.ecsdashboard.task.TaskService;
import dev.ecsdashboard.task.TaskService.TaskPage;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading clusters and tasks for tools: the documents ECS sends on the wire (DescribeClusters,
 * DescribeTasks with tags), through the same services, access rules and validation as the pages.
 */
@RestController
@RequestMapping(path = "/api/v1/clusters", produces = MediaType.APPLICATION_JSON_VALUE)
class ClusterApiController {

  /** ECS's page tokens are far shorter; a longer one is not sent. */
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final ClusterService clusters;
  private final TaskService tasks;

  ClusterApiController(ClusterService clusters, TaskService tasks) {
    this.clusters = clusters;
    this.tasks = tasks;
  }

  @GetMapping
  ApiDocuments.Clusters clusters() {
    return new ApiDocuments.Clusters(
        clusters.clusters().stream().<Object>map(WireJson::toJson).toList());
  }

  @GetMapping("/{cluster}/tasks")
  ApiDocuments.Tasks tasks(
      @PathVariable String cluster,
      @ParameterObject TaskFilter filter,
      @RequestParam(defaultValue = "100") int maxResults,
      @RequestParam(required = false) String nextToken) {
    ClusterRef ref = ClusterRef.parse(cluster);
    if (maxResults < 1 || maxResults > EcsOperations.MAX_PAGE) {
      throw new InvalidApiInputException(
          "maxResults", "maxResults must be between 1 and " + EcsOperations.MAX_PAGE + ".");
    }
    if (nextToken != null && (nextToken.isBlank() || nextToken.length() > MAX_TOKEN_LENGTH)) {
      throw new InvalidApiInputException(
          "nextToken", "nextToken must be the nextToken of the previous page, as it was given.");
    }
    TaskPage page = tasks.page(ref, filter.toQuery(), nextToken, maxResults);
    return new ApiDocuments.Tasks(
        page.tasks().stream().<Object>map(WireJson::toJson).toList(), page.nextToken());
  }

  /** {@code {*task}}: a task ARN holds slashes ({@code task/CLUSTER/ID}). */
  @GetMapping("/{cluster}/tasks/{*task}")
  ApiDocuments.OneTask task(@PathVariable String cluster, @PathVariable String task) {
    TaskRef ref = TaskRef.parse(cluster, task.startsWith("/") ? task.substring(1) : task);
    return new ApiDocuments.OneTask(WireJson.toJson(tasks.task(ref)));
  }
}
