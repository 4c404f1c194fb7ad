package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link WireJson} against the documents ECS sends, starting with the seed's StopTask example. */
class WireJsonTest {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Numbers compare by value (1563421497 equals 1563421497.0), everything else exactly. */
  static final Comparator<JsonNode> SAME_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  @Test
  void roundTripsTheSeedTaskFieldForField() throws IOException {
    JsonNode seed = stopTaskOutput().get("task");

    ObjectNode written = WireJson.toJson(WireJson.fromJson(seed, Task::builder));

    assertThat(written.propertyNames()).containsExactlyInAnyOrderElementsOf(seed.propertyNames());
    assertThat(written.equals(SAME_VALUE, seed))
        .as("%s%nshould equal%n%s", written.toPrettyString(), seed.toPrettyString())
        .isTrue();
  }

  @Test
  void writesTimestampsAsEcsDoesWithAFractionOnlyWhenThereIsOne() throws IOException {
    ObjectNode written =
        WireJson.toJson(WireJson.fromJson(stopTaskOutput().get("task"), Task::builder));

    assertThat(written.get("createdAt").toString()).isEqualTo("1563421494.186");
    assertThat(written.get("pullStoppedAt").toString()).isEqualTo("1563421496.252");
    assertThat(written.get("executionStoppedAt").toString()).isEqualTo("1563421497");
  }

  @Test
  void readsTimestampsToTheMillisecond() throws IOException {
    Task task = WireJson.fromJson(stopTaskOutput().get("task"), Task::builder);

    assertThat(task.createdAt()).isEqualTo(Instant.ofEpochSecond(1563421494, 186_000_000));
    assertThat(task.executionStoppedAt()).isEqualTo(Instant.ofEpochSecond(1563421497));
    assertThat(task.stopCodeAsString()).isEqualTo("TaskFailedToStart");
    assertThat(task.version()).isEqualTo(2L);
  }

  @Test
  void keepsEmptyListsAsEmptyLists() throws IOException {
    ObjectNode written =
        WireJson.toJson(WireJson.fromJson(stopTaskOutput().get("task"), Task::builder));

    for (String list : List.of("containers", "attachments", "tags")) {
      assertThat(written.get(list).isArray()).as(list).isTrue();
      assertThat(written.get(list).isEmpty()).as(list).isTrue();
    }
    assertThat(written.get("overrides").get("containerOverrides").isEmpty()).isTrue();
  }

  @Test
  void omitsAbsentFieldsAndNeverWritesNull() {
    Task task =
        Task.builder()
            .taskArn(
                "arn:aws:ecs:us-east-1:123456789012:task/prod/666fdccc2e2d4b6894dd422f4eeee8f8")
            .containers(Container.builder().name("app").build())
            .build();

    ObjectNode written = WireJson.toJson(task);

    assertThat(written.propertyNames()).containsExactlyInAnyOrder("taskArn", "containers");
    assertThat(written.get("containers").get(0).propertyNames()).containsExactly("name");
    assertThat(written.toString()).doesNotContain("null");
  }

  @Test
  void readsWholeResponses() throws IOException {
    StopTaskResponse response = WireJson.fromJson(stopTaskOutput(), StopTaskResponse::builder);

    assertThat(response.task().taskArn()).endsWith("/666fdccc2e2d4b6894dd422f4eeee8f8");
    assertThat(response.task().overrides().containerOverrides()).isEmpty();
  }

  @Test
  void readsNumbersWhereEcsSendsStringsAndWritesThemBackAsStrings() {
    // moto_server sends container cpu and memory as JSON numbers; ECS sends strings.
    JsonNode moto =
        JSON.readTree(
            """
            {"cpu": 256, "containers": [{"name": "app", "cpu": 128, "memory": 256, "exitCode": 0}],
             "stoppedReason": "", "unknownField": {"nested": true}}""");

    Task task = WireJson.fromJson(moto, Task::builder);

    assertThat(task.cpu()).isEqualTo("256");
    assertThat(task.containers().get(0).cpu()).isEqualTo("128");
    assertThat(task.containers().get(0).memory()).isEqualTo("256");
    assertThat(task.containers().get(0).exitCode()).isZero();
    assertThat(WireJson.toJson(task).get("containers").get(0).get("cpu").isString()).isTrue();
    assertThat(WireJson.toJson(task).has("unknownField")).isFalse();
  }

  static JsonNode stopTaskOutput() throws IOException {
    try (InputStream in = WireJsonTest.class.getResourceAsStream("stop-task-output.json")) {
      return JSON.readTree(in);
    }
  }
}
