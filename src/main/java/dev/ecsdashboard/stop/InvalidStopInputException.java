package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.InvalidReferenceException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Stop input that breaks a rule (no task, too many, no task matching, an unknown field); nothing
 * was sent or recorded. Worded once, in {@code messages.properties}: a form shows it next to its
 * field by its key, other callers by its message. The rejected value is never part of it.
 */
public class InvalidStopInputException extends InvalidReferenceException {

  private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages", Locale.ROOT);

  private final String messageKey;
  private final transient Object[] args;

  InvalidStopInputException(String field, String messageKey, Object... args) {
    super(field, field, text(messageKey, args));
    this.messageKey = messageKey;
    this.args = args.clone();
  }

  /** The key of the message in {@code messages.properties}. */
  public String messageKey() {
    return messageKey;
  }

  /** The message's arguments ({@code {0}}...). */
  public Object[] args() {
    return args.clone();
  }

  /** As Spring's message source does: a message without arguments is taken as it is. */
  private static String text(String key, Object[] args) {
    String pattern = MESSAGES.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
