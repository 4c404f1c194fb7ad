package dev.ecsdashboard.ecs;

/**
 * An ECS call that was not sent because the request's time for ECS calls ({@link EcsDeadline}) was
 * used up by the calls before it. Nothing reached ECS, so it is not "unavailable": a stop that ends
 * here certainly did not happen.
 */
public class EcsTimeBudgetException extends EcsCallException {

  /** The error code recorded for such a call; ECS never sends it. */
  public static final String CODE = "RequestTimeBudgetExceeded";

  EcsTimeBudgetException(String operation) {
    super(
        operation,
        CODE,
        "The time this page may spend waiting for ECS ran out before "
            + operation
            + " could be sent.",
        null);
  }
}
