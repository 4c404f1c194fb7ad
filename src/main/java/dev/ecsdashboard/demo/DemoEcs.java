package dev.ecsdashboard.demo;

import dev.ecsdashboard.ecs.EcsProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * The simulated ECS service: seeded clusters and tasks, and the five operations the dashboard uses,
 * on the SDK's own request and response objects, with ECS's limits, errors and task lifecycle.
 * Thread-safe. Time comes from the injected {@link Clock}; lifecycle steps that fall due are
 * applied when a call reads the state, so a test moves time by moving its clock.
 *
 * <p>Errors are thrown as {@link DemoEcsError}, which {@link DemoEcsHttpClient} answers on the
 * wire.
 */
public final class DemoEcs {

  /** The account every simulated ARN belongs to. */
  public static final String ACCOUNT = DemoAccount.DEFAULT_ACCOUNT;

  /** The region when none is configured. */
  public static final String DEFAULT_REGION = "us-east-1";

  private static final int MAX_DESCRIBE = 100;

  private final DemoState state;

  /**
   * @param region the simulated region
   * @param seed seed of the generated data
   * @param extraClusters additional clusters of simple running tasks, as {@code name:count}
   * @param clock the simulation's time: data is generated relative to its now
   * @param timing how fast tasks stop and start
   */
  public DemoEcs(
      String region, long seed, List<String> extraClusters, Clock clock, DemoTiming timing) {
    DemoAccount account = new DemoAccount(region, ACCOUNT);
    this.state = new DemoState(clock, account, timing, seed);
    new DemoDataGenerator(account, seed, clock.instant())
        .generate(extraClusters)
        .forEach(state::add);
  }

  /**
   * The simulation {@code dashboard.ecs.region} and {@code dashboard.demo.*} describe, with the
   * default lifecycle timing.
   */
  public static DemoEcs create(EcsProperties properties, DemoProperties demo, Clock clock) {
    return new DemoEcs(
        region(properties), demo.seed(), demo.extraClusters(), clock, DemoTiming.DEFAULT);
  }

  /** {@code dashboard.ecs.region}, or {@code us-east-1} when it is not set. */
  public static String region(EcsProperties properties) {
    String region = properties.region();
    return region == null || region.isBlank() ? DEFAULT_REGION : region;
  }

  public ListClustersResponse listClusters(ListClustersRequest request) {
    int max = DemoPaging.maxResults(request.maxResults());
    return state.locked(
        now -> {
          DemoPaging.Page<DemoCluster> page =
              DemoPaging.page(state.clusters(), "clusters", request.nextToken(), max, c -> true);
          return ListClustersResponse.builder()
              .clusterArns(page.items().stream().map(DemoCluster::arn).toList())
              .nextToken(page.nextToken())
              .build();
        });
  }

  /** Clusters by name or ARN ({@code default} when none); unknown ones come back as failures. */
  public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
    List<String> references =
        request.hasClusters() && !request.clusters().isEmpty()
            ? request.clusters()
            : List.of(DemoAccount.DEFAULT_CLUSTER);
    checkBatch("clusters", references);
    return state.locked(
        now -> {
          List<Cluster> found = new ArrayList<>();
          List<Failure> failures = new ArrayList<>();
          for (String reference : references) {
            Optional<DemoCluster> cluster =
                state.account().clusterName(reference).map(state.clusters()::get);
            if (cluster.isPresent()) {
              found.add(cluster.get().describe(request.includeAsStrings()));
            } else {
              String arn =
                  reference.startsWith("arn:") ? reference : state.account().clusterArn(reference);
              failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
          }
          return DescribeClustersResponse.builder().clusters(found).failures(failures).build();
        });
  }

  public ListTasksResponse listTasks(ListTasksRequest request) {
    int max = DemoPaging.maxResults(request.maxResults());
    return state.locked(
        now -> {
          DemoCluster cluster = state.cluster(request.cluster());
          Predicate<Task> filter = DemoTaskFilter.of(request, cluster);
          DemoPaging.Page<DemoTask> page =
              DemoPaging.page(
                  cluster.tasks(),
                  "tasks/" + cluster.name(),
                  request.nextToken(),
                  max,
                  t -> filter.test(t.current()));
          return ListTasksResponse.builder()
              .taskArns(page.items().stream().map(t -> t.current().taskArn()).toList())
              .nextToken(page.nextToken())
              .build();
        });
  }

  /** Up to 100 tasks by ID or ARN; tags only when asked for; unknown tasks as failures. */
  public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
    if (!request.hasTasks() || request.tasks().isEmpty()) {
      throw DemoEcsError.invalidParameter("Tasks cannot be empty.");
    }
    checkBatch("tasks", request.tasks());
    boolean withTags = request.include().contains(TaskField.TAGS);
    return state.locked(
        now -> {
          DemoCluster cluster = state.cluster(request.cluster());
          List<Task> tasks = new ArrayList<>();
          List<Failure> failures = new ArrayList<>();
          for (String reference : request.tasks()) {
            Optional<Task> task = state.find(cluster, reference).map(DemoTask::current);
            if (task.isPresent()) {
              tasks.add(withTags ? task.get() : withoutTags(task.get()));
            } else {
              String arn =
                  reference.startsWith("arn:")
                      ? reference
                      : state.account().taskArn(cluster.name(), reference);
              failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            }
          }
          return DescribeTasksResponse.builder().tasks(tasks).failures(failures).build();
        });
  }

  /**
   * Stops a task: desired status STOPPED at once, the rest of the lifecycle over the next seconds.
   * A task already asked to stop comes back unchanged.
   */
  public StopTaskResponse stopTask(StopTaskRequest request) {
    if (request.reason() != null && request.reason().length() > 255) {
      throw DemoEcsError.invalidParameter("Reason should be 255 characters or fewer.");
    }
    if (request.task() == null || request.task().isBlank()) {
      throw DemoEcsError.invalidParameter("Task cannot be empty.");
    }
    return state.locked(
        now -> {
          DemoCluster cluster = state.cluster(request.cluster());
          DemoTask task =
              state
                  .find(cluster, request.task())
                  .orElseThrow(
                      () -> DemoEcsError.invalidParameter("The referenced task was not found."));
          if (!"STOPPED".equals(task.current().desiredStatus())) {
            state.lifecycle().stop(cluster, task, request.reason(), now);
          }
          return StopTaskResponse.builder().task(task.current()).build();
        });
  }

  /** Test hook: every task a cluster holds now, stopped ones included, sorted by ID. */
  public List<Task> tasks(String cluster) {
    return state.tasks(cluster);
  }

  /** The names of the simulated clusters, sorted. */
  public List<String> clusterNames() {
    return state.locked(now -> List.copyOf(state.clusters().keySet()));
  }

  /** A task ARN in today's format for this simulation's account and region. */
  public String taskArn(String cluster, String taskId) {
    return state.account().taskArn(cluster, taskId);
  }

  public String region() {
    return state.account().region();
  }

  public Clock clock() {
    return state.clock();
  }

  /** For the test hooks, which plant and read tasks directly. */
  DemoState state() {
    return state;
  }

  private static Task withoutTags(Task task) {
    return task.toBuilder().tags((Collection<Tag>) null).build();
  }

  private static void checkBatch(String field, List<String> references) {
    if (references.size() > MAX_DESCRIBE) {
      throw DemoEcsError.invalidParameter(
          field
              + " can have at most "
              + MAX_DESCRIBE
              + " elements, was "
              + references.size()
              + ".");
    }
  }
}
