package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * {@link EcsOperations} over the SDK's {@link EcsClient}: batching, paging, and the translation of
 * every SDK exception into the dashboard's own. Retries and timeouts are the SDK's, configured on
 * the client, and each call gets no more than what is left of the request's {@link EcsDeadline};
 * StopTask retries only throttling ({@link StopRetries}). A described task of another cluster than
 * the one asked (and authorised) for counts as not found ({@link ForeignTasks}).
 */
public class EcsTemplate implements EcsOperations {

  private final EcsClient client;
  private final ArnScope scope;
  private final SdkPlugin carefulStop = StopRetries.careful(StopRetries.CAREFUL_ATTEMPTS);
  private final SdkPlugin patientStop = StopRetries.patient();

  public EcsTemplate(EcsClient client, ArnScope scope) {
    this.client = client;
    this.scope = scope;
  }

  @Override
  public List<String> listClusterArns() {
    List<String> arns =
        call(
            "ListClusters",
            null,
            null,
            () ->
                client
                    .listClustersPaginator(
                        r -> r.maxResults(MAX_PAGE).overrideConfiguration(timeLeft("ListClusters")))
                    .clusterArns()
                    .stream()
                    .toList());
    arns.stream().findFirst().ifPresent(scope::learn);
    return arns;
  }

  @Override
  public List<Cluster> describeClusters(List<String> clusters) {
    List<Cluster> described = new ArrayList<>(clusters.size());
    for (List<String> batch : batches(clusters)) {
      described.addAll(
          call(
              "DescribeClusters",
              null,
              null,
              () ->
                  client
                      .describeClusters(
                          r ->
                              r.clusters(batch)
                                  .includeWithStrings("STATISTICS", "TAGS")
                                  .overrideConfiguration(timeLeft("DescribeClusters")))
                      .clusters()));
    }
    return described;
  }

  @Override
  public TaskArnPage listTasks(
      ClusterRef cluster, TaskQuery query, String nextToken, int maxResults) {
    scope.check("cluster", cluster.arn());
    if (maxResults < 1 || maxResults > MAX_PAGE) {
      throw new IllegalArgumentException("maxResults must be between 1 and " + MAX_PAGE);
    }
    ListTasksResponse response =
        call(
            "ListTasks",
            cluster.name(),
            null,
            () ->
                client.listTasks(
                    r -> {
                      r.cluster(cluster.name())
                          .nextToken(nextToken)
                          .maxResults(maxResults)
                          .overrideConfiguration(timeLeft("ListTasks"));
                      query.applyTo(r);
                    }));
    return new TaskArnPage(response.taskArns(), response.nextToken());
  }

  @Override
  public DescribedTasks describeTasks(ClusterRef cluster, List<String> tasks) {
    scope.check("cluster", cluster.arn());
    List<Task> described = new ArrayList<>(tasks.size());
    List<Failure> failures = new ArrayList<>();
    for (List<String> batch : batches(tasks)) {
      DescribeTasksResponse response =
          call(
              "DescribeTasks",
              cluster.name(),
              null,
              () ->
                  client.describeTasks(
                      r ->
                          r.cluster(cluster.name())
                              .tasks(batch)
                              .include(TaskField.TAGS)
                              .overrideConfiguration(timeLeft("DescribeTasks"))));
      described.addAll(response.tasks());
      failures.addAll(response.failures());
    }
    DescribedTasks own = ForeignTasks.keepOwn(cluster, described, failures);
    own.tasks().stream().findFirst().ifPresent(t -> scope.learn(t.taskArn()));
    return own;
  }

  @Override
  public Task describeTask(TaskRef task) {
    scope.check("task", task.arn());
    DescribedTasks described = describeTasks(task.cluster(), List.of(task.id()));
    if (described.tasks().isEmpty()) {
      String reason =
          described.failures().stream()
              .map(Failure::reason)
              .findFirst()
              .orElse(ForeignTasks.MISSING);
      throw new UnknownTaskException(
          "DescribeTasks",
          task.cluster().name(),
          task.id(),
          reason,
          "ECS does not know task " + task.id() + " in cluster " + task.cluster().name() + ".",
          null);
    }
    return described.tasks().get(0);
  }

  @Override
  public Task stopTask(TaskRef task, String reason) {
    scope.check("cluster", task.cluster().arn());
    scope.check("task", task.arn());
    return stop(task, reason, carefulStop);
  }

  @Override
  public Task stopTaskPatiently(TaskRef task, String reason) {
    scope.check("cluster", task.cluster().arn());
    scope.check("task", task.arn());
    return stop(task, reason, patientStop);
  }

  private Task stop(TaskRef task, String reason, SdkPlugin retries) {
    return call(
        "StopTask",
        task.cluster().name(),
        task.id(),
        () -> {
          Consumer<AwsRequestOverrideConfiguration.Builder> timeLeft = timeLeft("StopTask");
          StopTaskRequest request =
              StopTaskRequest.builder()
                  .cluster(task.cluster().name())
                  .task(task.id())
                  .reason(reason)
                  .overrideConfiguration(o -> timeLeft.accept(o.addPlugin(retries)))
                  .build();
          return client.stopTask(request).task();
        });
  }

  /**
   * Limits a call to what is left of the request's ECS time ({@link EcsDeadline}), and sends none
   * when nothing is left.
   */
  private Consumer<AwsRequestOverrideConfiguration.Builder> timeLeft(String operation) {
    Duration left = EcsDeadline.remaining().orElse(null);
    if (left == null) {
      return o -> {};
    }
    Duration callTimeout =
        client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout().orElse(null);
    if (callTimeout != null && left.compareTo(callTimeout) >= 0) {
      return o -> {};
    }
    if (left.toMillis() < 1) {
      throw EcsTimeBudgetException.beforeSending(operation);
    }
    return o -> o.apiCallTimeout(left);
  }

  /**
   * Makes a call, once the request has its place among those waiting on ECS ({@link EcsBulkhead});
   * the call's time is worked out after that wait.
   */
  private static <T> T call(String operation, String cluster, String task, Supplier<T> call) {
    EcsDeadline.admit(operation);
    try {
      return call.get();
    } catch (SdkException e) {
      throw EcsExceptionTranslator.translate(operation, e, cluster, task);
    }
  }

  private static List<List<String>> batches(List<String> items) {
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < items.size(); i += MAX_PAGE) {
      batches.add(items.subList(i, Math.min(items.size(), i + MAX_PAGE)));
    }
    return batches;
  }
}
