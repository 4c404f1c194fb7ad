package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsDeadline;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import dev.ecsdashboard.ecs.Futures;
import dev.ecsdashboard.ecs.StaleReads;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Reads tasks for the pages, after checking that the user may read the cluster. A page of up to 100
 * tasks costs one ListTasks and one DescribeTasks (with tags), never a call per task.
 */
@Service
public class TaskService implements DisposableBean {

  /** DescribeTasks calls in flight at once while a whole cluster is listed, for all users. */
  static final int DESCRIBE_CONCURRENCY = 4;

  private final EcsOperations ecs;
  private final ClusterAccess access;
  private final ExecutorService describers =
      Executors.newFixedThreadPool(
          DESCRIBE_CONCURRENCY, daemon(new CustomizableThreadFactory("task-describe-")));

  public TaskService(EcsOperations ecs, ClusterAccess access) {
    this.ecs = ecs;
    this.access = access;
  }

  private static CustomizableThreadFactory daemon(CustomizableThreadFactory factory) {
    factory.setDaemon(true);
    return factory;
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
   * Every task that matches, in ListTasks order, following ECS's {@code nextToken} to the last
   * page: ceil(n/100) ListTasks and as many DescribeTasks calls, each page described (a few at
   * once) while the next is listed. The one place that loads a whole cluster.
   */
  public List<Task> allTasks(ClusterRef cluster, TaskQuery query) {
    access.checkRead(cluster.name());
    List<CompletableFuture<List<Task>>> pages = new ArrayList<>();
    Set<String> seenTokens = new HashSet<>();
    String token = null;
    try {
      do {
        TaskArnPage arns = ecs.listTasks(cluster, query, token, EcsOperations.MAX_PAGE);
        // Described on the pool while the next page is listed: the listing costs about its
        // ListTasks round trips plus one DescribeTasks.
        pages.add(
            CompletableFuture.supplyAsync(
                EcsDeadline.carriedOver(
                    StaleReads.carriedOver(() -> describe(cluster, arns.taskArns()))),
                describers));
        token = arns.nextToken();
      } while (token != null && seenTokens.add(token));
      List<Task> tasks = new ArrayList<>();
      for (CompletableFuture<List<Task>> page : pages) {
        // No longer than the request's ECS time: the pool is shared by every user's listing.
        tasks.addAll(Futures.join(page, "DescribeTasks"));
      }
      return tasks;
    } catch (RuntimeException e) {
      // Pages still queued are dropped: nobody waits for them any more.
      pages.forEach(page -> page.cancel(false));
      throw e;
    }
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

  @Override
  public void destroy() {
    describers.shutdownNow();
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
