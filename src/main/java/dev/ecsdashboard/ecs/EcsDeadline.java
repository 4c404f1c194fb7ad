package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time left for the ECS calls of the current web request ({@code
 * dashboard.ecs.request-timeout}). The SDK's timeouts bound each call; a page makes several calls
 * in a row, so without this a page could wait the call timeout once per call. {@link EcsTemplate}
 * gives each call only what is left and starts none once nothing is. Threads without a deadline
 * (bulk stops in the background) are bounded by the SDK's timeouts alone.
 */
public final class EcsDeadline implements AutoCloseable {

  private static final ThreadLocal<EcsDeadline> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final EcsDeadline outer;

  private EcsDeadline(long deadlineNanos, EcsDeadline outer) {
    this.deadlineNanos = deadlineNanos;
    this.outer = outer;
  }

  /** Starts a budget of {@code budget} for this thread's ECS calls until {@link #close()}. */
  public static EcsDeadline start(Duration budget) {
    EcsDeadline deadline = new EcsDeadline(System.nanoTime() + budget.toNanos(), CURRENT.get());
    CURRENT.set(deadline);
    return deadline;
  }

  /** Work to run on another thread (a pool describing tasks in parallel) within this budget. */
  public static <T> Supplier<T> carriedOver(Supplier<T> work) {
    EcsDeadline carried = CURRENT.get();
    return () -> {
      EcsDeadline before = CURRENT.get();
      set(carried);
      try {
        return work.get();
      } finally {
        set(before);
      }
    };
  }

  private static void set(EcsDeadline deadline) {
    if (deadline == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(deadline);
    }
  }

  /** The time left for this thread's ECS calls, or empty when no budget was started. */
  static Optional<Duration> remaining() {
    EcsDeadline deadline = CURRENT.get();
    return deadline == null
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(deadline.deadlineNanos - System.nanoTime()));
  }

  @Override
  public void close() {
    set(outer);
  }
}
