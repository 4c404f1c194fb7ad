package dev.ecsdashboard.ecs;

/**
 * A call to ECS that did not succeed, translated from the SDK's exceptions in one place ({@link
 * EcsExceptionTranslator}). Controllers and templates handle these, never SDK exceptions.
 */
public abstract class EcsCallException extends RuntimeException {

  private final String operation;
  private final String errorCode;

  protected EcsCallException(String operation, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.errorCode = errorCode;
  }

  /** The ECS operation that failed, such as {@code StopTask}. */
  public String operation() {
    return operation;
  }

  /** The error code ECS answered with, such as {@code ThrottlingException}; null if none. */
  public String errorCode() {
    return errorCode;
  }
}
