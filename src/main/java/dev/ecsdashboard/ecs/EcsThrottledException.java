package dev.ecsdashboard.ecs;

/** ECS throttled the call and the retries ran out. */
public class EcsThrottledException extends EcsCallException {

  public EcsThrottledException(
      String operation, String errorCode, String message, Throwable cause) {
    super(operation, errorCode, message, cause);
  }
}
