package dev.ecsdashboard.ecs;

/**
 * A cluster or task reference that is not well formed, or names another region, account or service.
 * Raised before any call to ECS is made.
 */
public class InvalidReferenceException extends RuntimeException {

  private final String field;
  private final String value;

  public InvalidReferenceException(String field, String value, String message) {
    super(message);
    this.field = field;
    this.value = value;
  }

  /** Which input was wrong: {@code cluster} or {@code task}. */
  public String field() {
    return field;
  }

  /** The rejected input, as typed (render it escaped). */
  public String value() {
    return value;
  }
}
