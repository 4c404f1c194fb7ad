package dev.ecsdashboard.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ecsdashboard.ecs.WireJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ECS's JSON 1.1 wire format for answers: a response document with status 200, or an error document
 * {@code {"__type": CODE, "message": ...}} with the error's status.
 */
final class DemoWire {

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  /** A status and a JSON body. */
  record Answer(int status, byte[] body) {}

  /** The wire JSON of each task state, by identity; forgotten with the task state. */
  private static final Cache<Task, byte[]> TASK_JSON =
      Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

  private DemoWire() {}

  static Answer ok(SdkPojo response) {
    if (response instanceof DescribeTasksResponse describe && describe.hasTasks()) {
      return new Answer(200, describeTasks(describe));
    }
    return new Answer(200, write(response));
  }

  /**
   * A DescribeTasks answer from each task's JSON, written once per state of the task: a {@link
   * Task} is immutable and a change to a simulated task makes a new one, so the simulation spends
   * its time on the wire format once rather than on every refresh of every page.
   */
  private static byte[] describeTasks(DescribeTasksResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096 * response.tasks().size());
    out.writeBytes("{\"tasks\":[".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < response.tasks().size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(TASK_JSON.get(response.tasks().get(i), DemoWire::write));
    }
    out.write(']');
    // The other members ("failures"), as the SDK's model writes them: {} or {"failures":[...]}.
    byte[] rest = write(response.toBuilder().tasks((Collection<Task>) null).build());
    if (rest.length > 2) {
      out.write(',');
    }
    out.write(rest, 1, rest.length - 1);
    return out.toByteArray();
  }

  private static byte[] write(SdkPojo pojo) {
    return JsonMapper.shared().writeValueAsBytes(WireJson.toJson(pojo));
  }

  static Answer error(DemoEcsError error) {
    ObjectNode body = JsonMapper.shared().createObjectNode();
    body.put("__type", error.errorCode());
    body.put("message", error.getMessage());
    return new Answer(error.statusCode(), JsonMapper.shared().writeValueAsBytes(body));
  }
}
