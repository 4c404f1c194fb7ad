package dev.ecsdashboard.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Builds {@link FieldView}s from any SDK object's own {@code sdkFields()}, so that a page shows
 * every field the object has, including fields AWS adds after this was written. Fields ECS did not
 * send are left out.
 */
final class FieldViews {

  /** Values a page hides until the viewer reveals them: list field name to masked columns. */
  private static final Map<String, Set<String>> MASKED = Map.of("environment", Set.of("value"));

  private FieldViews() {}

  /** The present fields among {@code names}, in that order. */
  static List<FieldView> named(SdkPojo pojo, List<String> names) {
    List<FieldView> views = new ArrayList<>();
    for (String name : names) {
      for (SdkField<?> field : pojo.sdkFields()) {
        if (field.locationName().equals(name)) {
          view(field, field.getValueOrDefault(pojo), Set.of()).ifPresent(views::add);
        }
      }
    }
    return views;
  }

  /** The present fields not among {@code covered}, in the model's order. */
  static List<FieldView> remainder(SdkPojo pojo, Collection<String> covered) {
    List<FieldView> views = new ArrayList<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      if (!covered.contains(field.locationName())) {
        view(field, field.getValueOrDefault(pojo), Set.of()).ifPresent(views::add);
      }
    }
    return views;
  }

  /** Every present field: those in {@code first} in that order, then the rest. */
  static List<FieldView> all(SdkPojo pojo, List<String> first) {
    List<FieldView> views = new ArrayList<>(named(pojo, first));
    views.addAll(remainder(pojo, first));
    return views;
  }

  static boolean present(Object value) {
    return value != null
        && !(value instanceof SdkAutoConstructList)
        && !(value instanceof SdkAutoConstructMap);
  }

  private static Optional<FieldView> view(SdkField<?> field, Object value, Set<String> masked) {
    if (!present(value)) {
      return Optional.empty();
    }
    String name = field.locationName();
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return Optional.of(FieldView.object(name, all((SdkPojo) value, List.of())));
    }
    if (type == MarshallingType.LIST) {
      return Optional.of(list(field, (List<?>) value));
    }
    if (type == MarshallingType.MAP) {
      List<FieldView> entries = new ArrayList<>();
      ((Map<?, ?>) value)
          .forEach(
              (k, v) -> entries.add(FieldView.text(String.valueOf(k), String.valueOf(v), false)));
      return Optional.of(FieldView.object(name, entries));
    }
    if (value instanceof Instant instant) {
      return Optional.of(FieldView.time(name, instant));
    }
    return Optional.of(FieldView.text(name, String.valueOf(value), masked.contains(name)));
  }

  private static FieldView list(SdkField<?> field, List<?> values) {
    String name = field.locationName();
    SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
    if (member.marshallingType() != MarshallingType.SDK_POJO) {
      return FieldView.list(name, values.stream().map(String::valueOf).toList());
    }
    Set<String> masked = MASKED.getOrDefault(name, Set.of());
    List<SdkPojo> items = values.stream().map(SdkPojo.class::cast).toList();
    List<List<FieldView>> objects = new ArrayList<>();
    for (SdkPojo item : items) {
      List<FieldView> fields = new ArrayList<>();
      for (SdkField<?> f : item.sdkFields()) {
        view(f, f.getValueOrDefault(item), masked).ifPresent(fields::add);
      }
      objects.add(fields);
    }
    boolean flat = objects.stream().flatMap(List::stream).allMatch(FieldView::flat);
    return flat ? FieldView.table(name, table(items, objects)) : FieldView.objects(name, objects);
  }

  private static FieldTable table(List<SdkPojo> items, List<List<FieldView>> objects) {
    Set<String> columns = new LinkedHashSet<>();
    if (!items.isEmpty()) {
      for (SdkField<?> f : items.get(0).sdkFields()) {
        String column = f.locationName();
        if (objects.stream().flatMap(List::stream).anyMatch(v -> v.name().equals(column))) {
          columns.add(column);
        }
      }
    }
    List<List<FieldView>> rows = new ArrayList<>();
    for (List<FieldView> object : objects) {
      List<FieldView> row = new ArrayList<>();
      for (String column : columns) {
        row.add(object.stream().filter(v -> v.name().equals(column)).findFirst().orElse(null));
      }
      rows.add(row);
    }
    return new FieldTable(List.copyOf(columns), rows);
  }
}
