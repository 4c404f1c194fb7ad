package dev.ecsdashboard.text;

import com.ibm.icu.text.UnicodeSet;
import org.unbescape.html.HtmlEscape;

/**
 * The dashboard's one definition of an invisible character, and the ways untrusted text is shown so
 * that none of them can act on what a person reads: written out as {@code \}{@code uXXXX} (error
 * pages, attributes) or as a marked {@code \}{@code uXXXX} in escaped HTML (ECS data on pages). The
 * stop reason rules refuse the same characters.
 *
 * <p>Invisible means the union of Unicode's Default_Ignorable_Code_Point property (zero-width
 * spaces and joiners, bidirectional controls, soft hyphen, variation selectors, the Hangul fillers
 * U+115F, U+1160, U+3164, U+FFA0, U+034F, tag characters...) and the general categories Cc
 * (controls), Cf (format), Zl and Zp (line and paragraph separators), Co (private use), Cs (lone
 * surrogates) and Cn (unassigned, non-characters included). {@code java.lang.Character} knows the
 * categories but not Default_Ignorable_Code_Point (nor does {@code java.util.regex}: no {@code
 * \p{IsDefault_Ignorable_Code_Point}}; {@code Character.isIdentifierIgnorable} is a different,
 * smaller set), so the set is built from ICU4J, the Unicode Consortium's library, whose data also
 * follows a newer Unicode version than the JDK's: one source for the whole definition.
 */
public final class VisibleText {

  private static final UnicodeSet INVISIBLE =
      new UnicodeSet("[[:Default_Ignorable_Code_Point:][:Cc:][:Cf:][:Zl:][:Zp:][:Co:][:Cs:][:Cn:]]")
          .freeze();

  private VisibleText() {}

  /** Whether a character does not show as what it is (see the class comment). */
  public static boolean isInvisible(int codePoint) {
    if (codePoint < 0x80) {
      // The common case without a look-up: of ASCII, only the controls are invisible.
      return codePoint < 0x20 || codePoint == 0x7f;
    }
    return INVISIBLE.contains(codePoint);
  }

  /** Whether the text holds an invisible character. */
  public static boolean hasInvisible(String text) {
    return text.codePoints().anyMatch(VisibleText::isInvisible);
  }

  /** The text with every invisible character written out, for an attribute or a plain text. */
  public static String written(String text) {
    return of(text, Integer.MAX_VALUE);
  }

  /** The text with every invisible character written out, cut to {@code max} characters. */
  public static String of(String text, int max) {
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
        shown.append(escape(c));
      } else {
        shown.appendCodePoint(c);
      }
    }
    return shown.toString();
  }

  /**
   * A value from ECS (a status such as {@code RUNNING}) as a CSS class name: lower case, keeping
   * ASCII letters, digits and hyphens only, so that no invisible character reaches the page and no
   * space adds a class of its own.
   */
  public static String className(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder name = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = Character.toLowerCase(value.charAt(i));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        name.append(c);
      }
    }
    return name.toString();
  }

  /**
   * The text as HTML: escaped as {@code th:text} escapes it, with every invisible character shown
   * as a marked, escaped {@code \}{@code uXXXX} ({@code <span class="invisible-char"
   * title="invisible character U+202E">\u202E</span>}). With {@code keepLineBreaks}, line feeds and
   * carriage returns stay as they are, for preformatted text whose lines are its layout (the raw
   * JSON).
   */
  public static String html(String text, boolean keepLineBreaks) {
    int first = firstMarked(text, keepLineBreaks);
    if (first < 0) {
      return HtmlEscape.escapeHtml4Xml(text);
    }
    StringBuilder html = new StringBuilder(text.length() + 64);
    html.append(HtmlEscape.escapeHtml4Xml(text.substring(0, first)));
    int run = first;
    for (int i = first; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (marked(c, keepLineBreaks)) {
        html.append(HtmlEscape.escapeHtml4Xml(text.substring(run, i)));
        html.append("<span class=\"invisible-char\" title=\"invisible character U+")
            .append(hex(c))
            .append("\">")
            .append(escape(c))
            .append("</span>");
        run = next;
      }
      i = next;
    }
    return html.append(HtmlEscape.escapeHtml4Xml(text.substring(run))).toString();
  }

  private static int firstMarked(String text, boolean keepLineBreaks) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (marked(c, keepLineBreaks)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private static boolean marked(int c, boolean keepLineBreaks) {
    return isInvisible(c) && !(keepLineBreaks && (c == '\n' || c == '\r'));
  }

  /** {@code \}{@code u202E}, or {@code \}{@code u{E0001}} beyond the Basic Multilingual Plane. */
  private static String escape(int c) {
    return c > 0xFFFF ? "\\u{" + hex(c) + "}" : "\\u" + hex(c);
  }

  private static String hex(int c) {
    return String.format("%04X", c);
  }
}
