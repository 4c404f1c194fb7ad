package dev.ecsdashboard.web;

/**
 * Makes untrusted text safe to show in a sentence: control and invisible characters (NUL, line
 * breaks, zero-width spaces, bidirectional overrides such as U+202E) are shown as {@code \}{@code
 * uXXXX} instead of acting on the text around them, and over-long text is cut. HTML escaping is the
 * templates' job; this is about what escaping leaves alone.
 */
public final class VisibleText {

  private VisibleText() {}

  /** The text with every invisible character written out, cut to {@code max} characters. */
  static String of(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (count++ == max) {
        return shown.append("… (").append(text.length()).append(" characters)").toString();
      }
      if (isInvisible(c)) {
        shown.append(c > 0xFFFF ? String.format("\\u{%X}", c) : String.format("\\u%04X", c));
      } else {
        shown.appendCodePoint(c);
      }
    }
    return shown.toString();
  }

  /**
   * Whether a character does not show as what it is: control and format characters (NUL, line
   * breaks, zero-width spaces, bidirectional overrides), line and paragraph separators, lone
   * surrogates, private-use and unassigned code points.
   */
  public static boolean isInvisible(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }
}
