package dev.ecsdashboard.audit;

/**
 * Text as the audit database stores it, so that a record is always written whatever ECS or a user
 * sent: a NUL character (which PostgreSQL refuses in text) is written out as the six characters
 * {@code \u0000}, and a value longer than its bounded column is cut with a visible mark. Values
 * from ECS (ARN, group, tags, error message) have unbounded columns and are kept whole.
 */
final class StoredText {

  /** What ends a value that was cut to fit its column. */
  static final String CUT = " …[cut]";

  private StoredText() {}

  static String of(String value) {
    return value == null ? null : value.replace("\u0000", "\\u0000");
  }

  static String of(String value, int max) {
    String text = of(value);
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - CUT.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + CUT;
  }
}
