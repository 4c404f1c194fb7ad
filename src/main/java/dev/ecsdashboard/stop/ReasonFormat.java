package dev.ecsdashboard.stop;

/**
 * The attribution of a stop reason: the text ECS keeps as {@code stoppedReason}, made of the user's
 * name and their words (by default {@code alice: draining node for patching}), and how many of
 * their characters fit within ECS's limit once their name is added.
 */
final class ReasonFormat {

  /** ECS keeps at most this many characters of a stop reason. */
  static final int ECS_LIMIT = 255;

  static final String USER = "{user}";
  static final String REASON = "{reason}";

  private final String format;

  ReasonFormat(String format) {
    if (!isValid(format)) {
      throw new IllegalArgumentException("Not a valid reason format: " + format);
    }
    this.format = format;
  }

  static boolean isValid(String format) {
    if (format == null || count(format, USER) != 1 || count(format, REASON) != 1) {
      return false;
    }
    return fixedLength(format) < ECS_LIMIT;
  }

  /** The reason sent to ECS: the format with the user and the (already trimmed) reason. */
  String attribute(String user, String reason) {
    // Replace both placeholders in one pass, so a user name holding "{reason}" stays literal.
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      if (format.startsWith(USER, i)) {
        out.append(user);
        i += USER.length();
      } else if (format.startsWith(REASON, i)) {
        out.append(reason);
        i += REASON.length();
      } else {
        out.append(format.charAt(i++));
      }
    }
    return out.toString().strip();
  }

  /** The longest reason this user may type: what ECS's limit leaves after the attribution. */
  int maxReasonLength(String user) {
    return Math.max(0, ECS_LIMIT - fixedLength(format) - user.length());
  }

  private static int fixedLength(String format) {
    return format.length() - USER.length() - REASON.length();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }

  @Override
  public String toString() {
    return format;
  }
}
