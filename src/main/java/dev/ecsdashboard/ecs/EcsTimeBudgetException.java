package dev.ecsdashboard.ecs;

/**
 * An ECS call that was not sent, or whose answer was not waited for any longer, because the
 * request's time for ECS calls ({@link EcsDeadline}) was used up. A call that was not sent
 * certainly did not happen; one that was given up on is another request's shared read, or a read on
 * a pool, never a stop.
 */
public class EcsTimeBudgetException extends EcsCallException {

  /** The error code recorded for such a call; ECS never sends it. */
  public static final String CODE = "RequestTimeBudgetExceeded";

  private EcsTimeBudgetException(String operation, String message) {
    super(operation, CODE, message, null);
  }

  /** The budget was used up before the call could be sent. */
  static EcsTimeBudgetException beforeSending(String operation) {
    return new EcsTimeBudgetException(
        operation,
        "The time this page may spend waiting for ECS ran out before "
            + operation
            + " could be sent.");
  }

  /** The budget was used up while waiting for an answer on another thread. */
  static EcsTimeBudgetException whileWaiting(String operation) {
    return new EcsTimeBudgetException(
        operation,
        "The time this page may spend waiting for ECS ran out while waiting for "
            + operation
            + ".");
  }
}
