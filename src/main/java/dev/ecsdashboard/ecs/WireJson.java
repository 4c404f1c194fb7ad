package dev.ecsdashboard.ecs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SDK model objects to and from the JSON that ECS sends on the wire, generically from each object's
 * own {@code sdkFields()}: field names as on the wire, timestamps as epoch seconds with a fraction,
 * absent fields omitted (never {@code null}). Stays right when AWS adds a field.
 */
public final class WireJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WireJson() {}

  /** The wire document of an SDK object (a task, a cluster, a request or response). */
  public static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      JsonNode value = write(field, field.getValueOrDefault(pojo));
      if (value != null) {
        node.set(field.locationName(), value);
      }
    }
    return node;
  }

  /** Reads a wire document into an SDK object, ignoring names the model does not know. */
  public static <T extends SdkPojo> T fromJson(
      JsonNode node, Supplier<? extends SdkBuilder<?, T>> builder) {
    SdkBuilder<?, T> target = builder.get();
    fill((SdkPojo) target, node);
    return target.build();
  }

  /** Epoch seconds with a fraction, as ECS sends timestamps: {@code 1563421494.186}. */
  public static BigDecimal epochSeconds(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    seconds = seconds.stripTrailingZeros();
    return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
  }

  private static JsonNode write(SdkField<?> field, Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList
        || value instanceof SdkAutoConstructMap) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return toJson((SdkPojo) value);
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode array = NODES.arrayNode();
      for (Object item : (List<?>) value) {
        JsonNode written = write(member, item);
        array.add(written == null ? NODES.nullNode() : written);
      }
      return array;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      ObjectNode map = NODES.objectNode();
      ((Map<?, ?>) value).forEach((k, v) -> map.set(String.valueOf(k), write(member, v)));
      return map;
    }
    return scalar(value);
  }

  private static JsonNode scalar(Object value) {
    if (value instanceof String text) {
      return NODES.stringNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Float number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Instant instant) {
      return NODES.numberNode(epochSeconds(instant));
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.stringNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
    }
    return NODES.stringNode(String.valueOf(value));
  }

  private static void fill(SdkPojo builder, JsonNode node) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (SdkField<?> field : builder.sdkFields()) {
      JsonNode value = node.get(field.locationName());
      if (value != null && !value.isNull()) {
        field.set(builder, read(field, value));
      }
    }
  }

  private static Object read(SdkField<?> field, JsonNode node) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(nested, node);
      return ((SdkBuilder<?, ?>) nested).build();
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      node.values().forEach(item -> list.add(item.isNull() ? null : read(member, item)));
      return list;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new LinkedHashMap<>();
      node.forEachEntry((k, v) -> map.put(k, v.isNull() ? null : read(member, v)));
      return map;
    }
    if (type == MarshallingType.STRING) {
      // Lenient: some emulators send numbers where ECS sends strings.
      return node.isString() ? node.stringValue() : node.toString();
    }
    if (type == MarshallingType.INTEGER) {
      return node.asInt();
    }
    if (type == MarshallingType.LONG) {
      return node.asLong();
    }
    if (type == MarshallingType.BOOLEAN) {
      return node.asBoolean();
    }
    if (type == MarshallingType.DOUBLE) {
      return node.asDouble();
    }
    if (type == MarshallingType.FLOAT) {
      return (float) node.asDouble();
    }
    if (type == MarshallingType.BIG_DECIMAL) {
      return node.decimalValue();
    }
    if (type == MarshallingType.INSTANT) {
      BigDecimal seconds = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos);
    }
    if (type == MarshallingType.SDK_BYTES) {
      return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.asString()));
    }
    return node.asString();
  }
}
