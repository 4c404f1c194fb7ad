package dev.ecsdashboard.task;

import java.time.Instant;
import java.util.List;

/**
 * One field of an ECS object as a page shows it, built generically from the SDK's {@code
 * sdkFields()} by {@link FieldViews}: a text, a time, a list of texts, a nested object, a table of
 * flat objects, or a list of nested objects. Absent fields have no view at all.
 *
 * @param name the field's name on the wire, such as {@code containerPortRange}; the page's label is
 *     the message {@code field.NAME}, or {@link #defaultLabel()} when there is none
 * @param kind what the value is
 * @param text the value of a {@code TEXT} or {@code ARN} field
 * @param time the value of a {@code TIME} field
 * @param items the values of a {@code LIST} field
 * @param fields the fields of an {@code OBJECT} field
 * @param table the rows of a {@code TABLE} field
 * @param objects the items of an {@code OBJECTS} field, each as its fields
 * @param masked whether the page hides the value until the viewer reveals it
 */
public record FieldView(
    String name,
    Kind kind,
    String text,
    Instant time,
    List<String> items,
    List<FieldView> fields,
    FieldTable table,
    List<List<FieldView>> objects,
    boolean masked) {

  /** What a field's value is, which decides how the page shows it. */
  public enum Kind {
    TEXT,
    ARN,
    TIME,
    LIST,
    OBJECT,
    TABLE,
    OBJECTS
  }

  static FieldView text(String name, String text, boolean masked) {
    Kind kind = name.endsWith("Arn") && text.startsWith("arn:") ? Kind.ARN : Kind.TEXT;
    return new FieldView(name, kind, text, null, null, null, null, null, masked);
  }

  static FieldView time(String name, Instant time) {
    return new FieldView(name, Kind.TIME, null, time, null, null, null, null, false);
  }

  static FieldView list(String name, List<String> items) {
    return new FieldView(name, Kind.LIST, null, null, items, null, null, null, false);
  }

  static FieldView object(String name, List<FieldView> fields) {
    return new FieldView(name, Kind.OBJECT, null, null, null, fields, null, null, false);
  }

  static FieldView table(String name, FieldTable table) {
    return new FieldView(name, Kind.TABLE, null, null, null, null, table, null, false);
  }

  static FieldView objects(String name, List<List<FieldView>> objects) {
    return new FieldView(name, Kind.OBJECTS, null, null, null, null, null, objects, false);
  }

  /** Whether the value fits in one row of a key/value table (tables and object lists do not). */
  public boolean inline() {
    return kind != Kind.TABLE && kind != Kind.OBJECTS;
  }

  /** Whether the value is a flat text or time, which fits in one table cell. */
  boolean flat() {
    return kind == Kind.TEXT || kind == Kind.ARN || kind == Kind.TIME;
  }

  /** Whether a list, table or object has nothing in it (ECS sent an empty list). */
  public boolean empty() {
    return switch (kind) {
      case LIST -> items.isEmpty();
      case OBJECT -> fields.isEmpty();
      case TABLE -> table.rows().isEmpty();
      case OBJECTS -> objects.isEmpty();
      default -> false;
    };
  }

  /**
   * The label when {@code messages.properties} has none: {@code containerPortRange} reads as
   * "Container port range".
   */
  public String defaultLabel() {
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
      boolean wordStart =
          i > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(name.charAt(i - 1)) || nextLower);
      if (wordStart) {
        label.append(' ');
      }
      // Acronyms (bindIP) keep their capitals; other words read in lower case.
      label.append(i == 0 ? Character.toUpperCase(c) : nextLower ? Character.toLowerCase(c) : c);
    }
    return label.toString();
  }
}
