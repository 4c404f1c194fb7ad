package dev.ecsdashboard.ecs;

/** ECS refused the dashboard's credentials for this call. */
public class EcsAccessDeniedException extends EcsCallException {

  public EcsAccessDeniedException(
      String operation, String errorCode, String message, Throwable cause) {
    super(operation, errorCode, message, cause);
  }
}
