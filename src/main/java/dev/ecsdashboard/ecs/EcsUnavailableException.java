package dev.ecsdashboard.ecs;

/** ECS could not be reached or failed to answer in time. */
public class EcsUnavailableException extends EcsCallException {

  public EcsUnavailableException(
      String operation, String errorCode, String message, Throwable cause) {
    super(operation, errorCode, message, cause);
  }
}
