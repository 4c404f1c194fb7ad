package dev.ecsdashboard.stop;

import dev.ecsdashboard.text.VisibleText;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules a stop reason follows, shared by the pages (through {@link StopReason}) and the service
 * layer: required unless configured otherwise, trimmed, free of control and invisible characters,
 * and short enough that the attributed reason fits ECS's 255 characters for this user.
 *
 * <p>Invisible characters are those of the dashboard's one definition ({@link
 * VisibleText#isInvisible}, from Unicode's own data), the same the pages mark in ECS data: line
 * breaks and tabs, zero-width spaces and joiners, bidirectional overrides such as U+202E, Hangul
 * fillers, variation selectors, line separators, private-use, unassigned and non-characters, lone
 * surrogates. None shows as what it is, and some make text read differently from what it says.
 * Emoji are ordinary characters and accepted, but not the emoji presentation selector U+FE0F that
 * some keyboards add after a symbol (as in a red heart): variation selectors can carry hidden data,
 * and one rule without exceptions is easier to trust than a list of allowed invisibles.
 */
@Component
public class ReasonPolicy {

  private final boolean required;
  private final ReasonFormat format;

  public ReasonPolicy(StopProperties properties) {
    this.required = properties.reasonRequired();
    this.format = new ReasonFormat(properties.reasonFormat());
  }

  public boolean isRequired() {
    return required;
  }

  /** The longest reason this user may type. */
  public int maxLength(String user) {
    return format.maxReasonLength(user);
  }

  /** How ECS will show this user's reason, for the form's help text. */
  public String example(String user) {
    return format.attribute(user, "your reason");
  }

  /** What the user has left to type, negative when over. */
  public int remaining(String typed, String user) {
    return maxLength(user) - trim(typed).length();
  }

  /** What is wrong with the reason; empty when it may be sent. */
  public List<ReasonViolation> violations(String typed, String user) {
    List<ReasonViolation> violations = new ArrayList<>();
    String reason = trim(typed);
    if (reason.isEmpty() && required) {
      violations.add(new ReasonViolation(ReasonViolation.REQUIRED, 0));
    }
    if (VisibleText.hasInvisible(reason)) {
      violations.add(new ReasonViolation(ReasonViolation.INVISIBLE, 0));
    }
    int max = maxLength(user);
    if (reason.length() > max) {
      violations.add(new ReasonViolation(ReasonViolation.TOO_LONG, max));
    }
    return violations;
  }

  /**
   * The reason sent to ECS for this user.
   *
   * @throws InvalidStopReasonException when the reason breaks a rule
   */
  public String attributed(String typed, String user) {
    List<ReasonViolation> violations = violations(typed, user);
    if (!violations.isEmpty()) {
      throw new InvalidStopReasonException(violations);
    }
    return format.attribute(user, trim(typed));
  }

  /** Strips leading and trailing white space of every kind, no-break spaces included. */
  static String trim(String text) {
    if (text == null) {
      return "";
    }
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
