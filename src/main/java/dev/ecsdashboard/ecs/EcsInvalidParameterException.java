package dev.ecsdashboard.ecs;

/** ECS rejected a parameter of the call. */
public class EcsInvalidParameterException extends EcsCallException {

  public EcsInvalidParameterException(
      String operation, String errorCode, String message, Throwable cause) {
    super(operation, errorCode, message, cause);
  }
}
