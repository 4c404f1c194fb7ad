package dev.ecsdashboard.ecs;

/**
 * An ECS call that was not sent because too many requests were already waiting on ECS ({@link
 * EcsBulkhead}). Nothing reached ECS: a stop that ends here certainly did not happen.
 */
public class EcsBusyException extends EcsCallException {

  /** The error code recorded for such a call; ECS never sends it. */
  public static final String CODE = "TooManyRequestsWaiting";

  EcsBusyException(String operation) {
    super(
        operation,
        CODE,
        "Too many requests are waiting on ECS; " + operation + " was not sent.",
        null);
  }
}
