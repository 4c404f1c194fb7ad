package dev.ecsdashboard.demo;

import dev.ecsdashboard.ecs.WireJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP layer of demo mode: the real SDK {@code EcsClient} sends its signed JSON 1.1 requests
 * here, and {@link DemoEcs} answers them in process, so that marshalling, error unmarshalling,
 * retries and timeouts are the SDK's own. Adds configurable latency and faults ({@link #setFaults})
 * and counts what it receives ({@link #callCount}, {@link #stopTaskCalls}). Safe for concurrent
 * use.
 */
public final class DemoEcsHttpClient implements SdkHttpClient {

  private final DemoEcs ecs;
  private final DemoFaultDice dice;
  private final DemoCallLog log = new DemoCallLog();
  private final Map<String, Function<JsonNode, SdkPojo>> operations;
  private volatile DemoFaults faults;

  /**
   * @param faults the latency and faults to start with
   * @param seed seed of the fault dice
   */
  public DemoEcsHttpClient(DemoEcs ecs, DemoFaults faults, long seed) {
    this.ecs = ecs;
    this.faults = Objects.requireNonNull(faults);
    this.dice = new DemoFaultDice(seed);
    this.operations =
        Map.of(
            "ListClusters",
            body -> ecs.listClusters(read(body, ListClustersRequest::builder)),
            "DescribeClusters",
            body -> ecs.describeClusters(read(body, DescribeClustersRequest::builder)),
            "ListTasks",
            body -> ecs.listTasks(read(body, ListTasksRequest::builder)),
            "DescribeTasks",
            body -> ecs.describeTasks(read(body, DescribeTasksRequest::builder)),
            "StopTask",
            body -> stopTask(read(body, StopTaskRequest::builder)));
  }

  /** A client without faults over {@code ecs}. */
  public DemoEcsHttpClient(DemoEcs ecs) {
    this(ecs, DemoFaults.NONE, 42);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new DemoHttpCall(this, request);
  }

  @Override
  public String clientName() {
    return "DemoEcs";
  }

  @Override
  public void close() {
    // Nothing to release: there is no connection.
  }

  /** The simulation behind this client. */
  public DemoEcs ecs() {
    return ecs;
  }

  public DemoFaults faults() {
    return faults;
  }

  /** Changes latency and faults for the calls that start from now on. */
  public void setFaults(DemoFaults faults) {
    this.faults = Objects.requireNonNull(faults);
  }

  /**
   * Calls received for an operation such as {@code ListTasks}, retries and faulted ones included.
   */
  public long callCount(String operation) {
    return log.count(operation);
  }

  /** Calls received, of every operation, retries and faulted ones included. */
  public long totalCallCount() {
    return callCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Calls received per operation, sorted by name. */
  public Map<String, Long> callCounts() {
    return log.counts();
  }

  /** The StopTask calls the simulation handled, in order. */
  public List<StopTaskCall> stopTaskCalls() {
    return log.stopTaskCalls();
  }

  /** Forgets the call counts and the StopTask log. */
  public void resetCounts() {
    log.reset();
  }

  DemoCallLog log() {
    return log;
  }

  DemoFaultDice dice() {
    return dice;
  }

  /** Answers one call of a known operation, or with the error ECS would send. */
  DemoWire.Answer answer(String operation, byte[] body) {
    Function<JsonNode, SdkPojo> handler = operations.get(operation);
    if (handler == null) {
      return DemoWire.error(DemoEcsError.unknownOperation(DemoHttpCall.TARGET_PREFIX + operation));
    }
    try {
      return DemoWire.ok(handler.apply(parse(body)));
    } catch (DemoEcsError e) {
      return DemoWire.error(e);
    } catch (RuntimeException e) {
      return DemoWire.error(DemoEcsError.server("Internal error of the simulated ECS: " + e));
    }
  }

  private SdkPojo stopTask(StopTaskRequest request) {
    String task = request.task() == null ? null : request.task().toLowerCase(Locale.ROOT);
    String taskId = task == null ? null : task.substring(task.lastIndexOf('/') + 1);
    log.stopped(new StopTaskCall(request.cluster(), taskId, request.reason()));
    return ecs.stopTask(request);
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node =
          body.length == 0
              ? JsonMapper.shared().createObjectNode()
              : JsonMapper.shared().readTree(body);
      if (!node.isObject()) {
        throw DemoEcsError.serialization("The request body is not a JSON object.");
      }
      return node;
    } catch (JacksonException e) {
      throw DemoEcsError.serialization("The request body is not valid JSON.");
    }
  }

  private static <T extends SdkPojo> T read(
      JsonNode body, Supplier<? extends SdkBuilder<?, T>> builder) {
    try {
      return WireJson.fromJson(body, builder);
    } catch (RuntimeException e) {
      throw DemoEcsError.serialization(
          "The request does not match the operation's input: " + e.getMessage());
    }
  }
}
