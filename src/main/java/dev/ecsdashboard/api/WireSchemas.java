package dev.ecsdashboard.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The OpenAPI schemas of ECS's wire documents, derived from the SDK model's own {@code sdkFields()}
 * as {@link dev.ecsdashboard.ecs.WireJson} writes them: each nested shape becomes a named component
 * ({@code Task}, {@code Container}, {@code Tag}...), timestamps are numbers.
 */
final class WireSchemas {

  static final String TASK = "#/components/schemas/Task";
  static final String CLUSTER = "#/components/schemas/Cluster";
  private static final String REF = "#/components/schemas/";

  private WireSchemas() {}

  /** Adds {@code Task}, {@code Cluster} and every shape they hold to the components. */
  static void addTo(Components components) {
    add(components, Task.builder().build());
    add(components, Cluster.builder().build());
  }

  private static String add(Components components, SdkPojo shape) {
    String name = shape.getClass().getSimpleName();
    if (components.getSchemas() != null && components.getSchemas().containsKey(name)) {
      return name;
    }
    ObjectSchema schema = new ObjectSchema();
    schema.description("As ECS sends it on the wire: absent fields are omitted, never null.");
    // Registered before its fields, so that a shape that holds itself ends.
    components.addSchemas(name, schema);
    for (SdkField<?> field : shape.sdkFields()) {
      schema.addProperty(field.locationName(), schema(components, field));
    }
    return name;
  }

  private static Schema<?> schema(Components components, SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      Object builder = field.constructor().get();
      SdkPojo nested = (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
      return new Schema<>().$ref(REF + add(components, nested));
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      return new ArraySchema().items(schema(components, member));
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      return new MapSchema().additionalProperties(schema(components, value));
    }
    if (type == MarshallingType.INSTANT) {
      return new NumberSchema()
          .description("Epoch seconds with a fraction, as ECS sends timestamps: 1563421494.186");
    }
    if (type == MarshallingType.INTEGER) {
      return new IntegerSchema();
    }
    if (type == MarshallingType.LONG) {
      return new IntegerSchema().format("int64");
    }
    if (List.of(MarshallingType.DOUBLE, MarshallingType.FLOAT, MarshallingType.BIG_DECIMAL)
        .contains(type)) {
      return new NumberSchema();
    }
    if (type == MarshallingType.BOOLEAN) {
      return new BooleanSchema();
    }
    if (type == MarshallingType.SDK_BYTES) {
      return new StringSchema().format("byte");
    }
    return new StringSchema();
  }
}
