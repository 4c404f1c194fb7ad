package dev.ecsdashboard.stop;

/**
 * A rule a stop reason breaks.
 *
 * @param messageKey the key of its message in {@code messages.properties}
 * @param max the longest reason allowed, for {@link #TOO_LONG}
 */
public record ReasonViolation(String messageKey, int max) {

  public static final String REQUIRED = "stop.reason.required";
  public static final String INVISIBLE = "stop.reason.invisible";
  public static final String TOO_LONG = "stop.reason.too-long";
}
