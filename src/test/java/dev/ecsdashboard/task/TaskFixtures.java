package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Tasks for tests: the seed's example, one with every field of the model, one full of payloads. */
final class TaskFixtures {

  static final String TASK_ID = "0123456789abcdef0123456789abcdef";
  static final String CLUSTER = "demo";
  static final String CLUSTER_ARN = "arn:aws:ecs:us-east-1:123456789012:cluster/" + CLUSTER;
  static final String TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task/demo/" + TASK_ID;

  /** A script that must never run: every page shows it as text. */
  static final String PAYLOAD = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";

  private TaskFixtures() {}

  /** The stopped task of the {@code aws ecs stop-task} example output, as ECS sent it. */
  static Task stopTaskExample() {
    try (InputStream in =
        TaskFixtures.class.getResourceAsStream("/dev/ecsdashboard/ecs/stop-task-output.json")) {
      return WireJson.fromJson(
          JsonMapper.builder().build().readTree(in).get("task"), Task::builder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A task with every field of the model set, lists with two items, and the text of each leaf. */
  static Filled everyField() {
    Filler filler = new Filler();
    Task filled = filler.fill(Task.builder());
    filler.leaves.removeAll(List.of(filled.taskArn(), filled.clusterArn()));
    filler.leaves.addAll(List.of(TASK_ARN, CLUSTER_ARN));
    return new Filled(
        filled.toBuilder().taskArn(TASK_ARN).clusterArn(CLUSTER_ARN).build(), filler.leaves);
  }

  /** A task whose every string field holds {@link #PAYLOAD}. */
  static Task withPayloads() {
    Filler filler = new Filler();
    filler.text = name -> PAYLOAD;
    return filler.fill(Task.builder()).toBuilder()
        .taskArn(TASK_ARN)
        .clusterArn(CLUSTER_ARN)
        .build();
  }

  /** A task and the texts its leaf fields show on a page (times as their ISO {@code datetime}). */
  record Filled(Task task, List<String> leaves) {}

  /** Sets every field of an SDK builder from its {@code sdkFields()}, recursively. */
  private static final class Filler {
    private int n;
    private final List<String> leaves = new ArrayList<>();
    private java.util.function.Function<String, String> text = name -> "v" + n + "-" + name;

    <T> T fill(SdkBuilder<?, T> builder) {
      SdkPojo pojo = (SdkPojo) builder;
      for (SdkField<?> field : pojo.sdkFields()) {
        field.set(pojo, value(field));
      }
      return builder.build();
    }

    private Object value(SdkField<?> field) {
      MarshallingType<?> type = field.marshallingType();
      n++;
      if (type == MarshallingType.SDK_POJO) {
        return fill((SdkBuilder<?, ?>) field.constructor().get());
      }
      if (type == MarshallingType.LIST) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        return List.of(value(member), value(member));
      }
      if (type == MarshallingType.MAP) {
        SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        return Map.of("key" + n, value(member));
      }
      Object value = scalar(type, field.locationName());
      leaves.add(value instanceof Instant instant ? instant.toString() : String.valueOf(value));
      return value;
    }

    private Object scalar(MarshallingType<?> type, String name) {
      if (type == MarshallingType.INTEGER) {
        return 900_000 + n;
      }
      if (type == MarshallingType.LONG) {
        return 8_000_000_000L + n;
      }
      if (type == MarshallingType.BOOLEAN) {
        return Boolean.TRUE;
      }
      if (type == MarshallingType.DOUBLE) {
        return n + 0.5;
      }
      if (type == MarshallingType.FLOAT) {
        return n + 0.25f;
      }
      if (type == MarshallingType.BIG_DECIMAL) {
        return BigDecimal.valueOf(n);
      }
      if (type == MarshallingType.INSTANT) {
        return Instant.ofEpochSecond(1_700_000_000L + 61L * n, 125_000_000);
      }
      return text.apply(name);
    }
  }
}
