package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/** An in-memory ECS that throttles, and sometimes stops a task but loses the answer. */
class FlakyEcs implements EcsOperations {

  final Map<String, Task> tasks = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> stops = new ConcurrentHashMap<>();
  final AtomicInteger throttled = new AtomicInteger();
  final Random dice = new Random(7);
  volatile double throttleRate;
  volatile double lostAnswerRate;
  volatile String rejected;

  /** Tasks whose every StopTask fails on the server (500, {@code ServerException}). */
  final Set<String> serverErrors = ConcurrentHashMap.newKeySet();

  /** Tasks whose every StopTask is throttled. */
  final Set<String> throttledStops = ConcurrentHashMap.newKeySet();

  /** StopTask calls received per task, failed ones included. */
  final Map<String, AtomicInteger> stopCalls = new ConcurrentHashMap<>();

  /** Runs as each StopTask arrives, before it is handled. */
  volatile Consumer<String> beforeStop = id -> {};

  List<String> addRunning(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[16];
      dice.nextBytes(bytes);
      String id = HexFormat.of().formatHex(bytes);
      tasks.put(
          id,
          Task.builder()
              .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod/" + id)
              .group("family:job")
              .desiredStatus("RUNNING")
              .lastStatus("RUNNING")
              .tags(Tag.builder().key("owner").value("team-a").build())
              .build());
      ids.add(id);
    }
    return ids;
  }

  private synchronized boolean roll(double rate) {
    return dice.nextDouble() < rate;
  }

  @Override
  public List<String> listClusterArns() {
    return List.of();
  }

  @Override
  public List<software.amazon.awssdk.services.ecs.model.Cluster> describeClusters(
      List<String> clusters) {
    return List.of();
  }

  @Override
  public TaskArnPage listTasks(
      ClusterRef cluster, TaskQuery query, String nextToken, int maxResults) {
    List<String> arns = tasks.values().stream().map(Task::taskArn).sorted().toList();
    int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
    int to = Math.min(arns.size(), from + maxResults);
    return new TaskArnPage(arns.subList(from, to), to < arns.size() ? "" + to : null);
  }

  @Override
  public DescribedTasks describeTasks(ClusterRef cluster, List<String> ids) {
    if (roll(throttleRate)) {
      throttled.incrementAndGet();
      throw new EcsThrottledException(
          "DescribeTasks", "ThrottlingException", "Rate exceeded", null);
    }
    List<Task> found = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (String id : ids) {
      Task task = tasks.get(id);
      if (task == null) {
        failures.add(Failure.builder().arn(id).reason("MISSING").build());
      } else {
        found.add(task);
      }
    }
    return new DescribedTasks(found, failures);
  }

  @Override
  public Task describeTask(TaskRef task) {
    return tasks.get(task.id());
  }

  @Override
  public Task stopTask(TaskRef task, String reason) {
    throw new AssertionError("a bulk stop stops patiently");
  }

  @Override
  public Task stopTaskPatiently(TaskRef task, String reason) {
    stopCalls.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
    beforeStop.accept(task.id());
    if (throttledStops.contains(task.id())) {
      throw new EcsThrottledException("StopTask", "ThrottlingException", "Rate exceeded", null);
    }
    if (serverErrors.contains(task.id())) {
      throw new EcsUnavailableException("StopTask", "ServerException", "Internal error", null);
    }
    if (roll(throttleRate)) {
      throttled.incrementAndGet();
      throw new EcsThrottledException("StopTask", "ThrottlingException", "Rate exceeded", null);
    }
    if (task.id().equals(rejected)) {
      throw new dev.ecsdashboard.ecs.EcsInvalidParameterException(
          "StopTask", "InvalidParameterException", "Nope.", null);
    }
    stops.computeIfAbsent(task.id(), id -> new AtomicInteger()).incrementAndGet();
    // As ECS does, a task asked to stop already keeps the first stop's reason.
    Task after =
        tasks.computeIfPresent(
            task.id(), (id, t) -> "STOPPED".equals(t.desiredStatus()) ? t : stopped(t, reason));
    if (roll(lostAnswerRate)) {
      throw new EcsUnavailableException("StopTask", null, "Read timed out", null);
    }
    return after;
  }

  static Task stopped(Task task, String reason) {
    return task.toBuilder().desiredStatus("STOPPED").stoppedReason(reason).tags(List.of()).build();
  }
}
