package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Reads tasks for the pages, after checking that the user may read the cluster. A page of up to 100
 * tasks costs one ListTasks and one DescribeTasks (with tags), never a call per task.
 */
@Service
public class TaskService {

  private final EcsOperations ecs;
  private final ClusterAccess access;

  public TaskService(EcsOperations ecs, ClusterAccess access) {
    this.ecs = ecs;
    this.access = access;
  }

  /**
   * One page of tasks, in ListTasks order.
   *
   * @param pageToken ECS's {@code nextToken} of the previous page, null for the first
   */
  public TaskPage page(ClusterRef cluster, TaskQuery query, String pageToken) {
    return page(cluster, query, pageToken, EcsOperations.MAX_PAGE);
  }

  /**
   * One page of at most {@code maxResults} tasks (1 to 100), in ListTasks order.
   *
   * @param pageToken ECS's {@code nextToken} of the previous page, null for the first
   */
  public TaskPage page(ClusterRef cluster, TaskQuery query, String pageToken, int maxResults) {
    access.checkRead(cluster.name());
    TaskArnPage arns = ecs.listTasks(cluster, query, pageToken, maxResults);
    return new TaskPage(describe(cluster, arns.taskArns()), arns.nextToken());
  }

  /**
   * Every task that matches, following ECS's {@code nextToken} to the last page: ceil(n/100)
   * ListTasks and as many DescribeTasks calls. The one place that loads a whole cluster.
   */
  public List<Task> allTasks(ClusterRef cluster, TaskQuery query) {
    access.checkRead(cluster.name());
    List<Task> tasks = new ArrayList<>();
    Set<String> seenTokens = new HashSet<>();
    String token = null;
    do {
      TaskArnPage arns = ecs.listTasks(cluster, query, token, EcsOperations.MAX_PAGE);
      tasks.addAll(describe(cluster, arns.taskArns()));
      token = arns.nextToken();
    } while (token != null && seenTokens.add(token));
    return tasks;
  }

  /**
   * One task with its tags: one DescribeTasks call.
   *
   * @throws dev.ecsdashboard.ecs.UnknownTaskException when ECS does not know it
   */
  public Task task(TaskRef task) {
    access.checkRead(task.cluster().name());
    return ecs.describeTask(task);
  }

  /** Describes listed tasks, keeping ListTasks' order; tasks ECS forgot meanwhile are left out. */
  private List<Task> describe(ClusterRef cluster, List<String> taskArns) {
    if (taskArns.isEmpty()) {
      return List.of();
    }
    Map<String, Task> byId =
        ecs.describeTasks(cluster, taskArns).tasks().stream()
            .collect(
                Collectors.toMap(
                    t -> TaskNames.lastPart(t.taskArn()), Function.identity(), (a, b) -> a));
    return taskArns.stream()
        .map(arn -> byId.get(TaskNames.lastPart(arn)))
        .filter(Objects::nonNull)
        .toList();
  }

  /**
   * One page of tasks.
   *
   * @param tasks the tasks, in ListTasks order
   * @param nextToken the token of the next page, null on the last
   */
  public record TaskPage(List<Task> tasks, String nextToken) {}
}
