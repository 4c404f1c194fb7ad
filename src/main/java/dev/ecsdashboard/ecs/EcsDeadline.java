package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time left for the ECS calls of the current web request ({@code
 * dashboard.ecs.request-timeout}), and its place among the requests waiting on ECS ({@link
 * EcsBulkhead}). The SDK's timeouts bound each call; a page makes several calls in a row, and may
 * share a call another request started or wait for work on a pool, so without this a page could
 * wait the call timeout once per call, or as long as someone else's call. {@link EcsTemplate} gives
 * each call only what is left and starts none once nothing is; {@link Futures#join} waits for
 * shared and pooled work no longer than what is left. Threads without a deadline (bulk stops in the
 * background, health checks) are bounded by the SDK's timeouts alone and take no place.
 */
public final class EcsDeadline implements AutoCloseable {

  private static final ThreadLocal<EcsDeadline> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private final EcsDeadline outer;
  private final EcsBulkhead bulkhead;
  // Guarded by this: pool threads working for the request take its place too.
  private boolean placed;
  private boolean closed;

  private EcsDeadline(long deadlineNanos, EcsDeadline outer, EcsBulkhead bulkhead) {
    this.deadlineNanos = deadlineNanos;
    this.outer = outer;
    this.bulkhead = bulkhead;
  }

  /** Starts a budget of {@code budget} for this thread's ECS calls until {@link #close()}. */
  public static EcsDeadline start(Duration budget) {
    return start(budget, null);
  }

  /**
   * Starts a budget of {@code budget} for this thread's ECS calls until {@link #close()}, waiting
   * on ECS only with a place in {@code bulkhead} (none: no bound).
   */
  public static EcsDeadline start(Duration budget, EcsBulkhead bulkhead) {
    EcsDeadline deadline =
        new EcsDeadline(System.nanoTime() + budget.toNanos(), CURRENT.get(), bulkhead);
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
    return deadline == null ? Optional.empty() : Optional.of(deadline.left());
  }

  /**
   * Called before this thread waits on ECS: the request takes its place among those waiting, once.
   *
   * @throws EcsBusyException when no place became free in time
   * @throws EcsTimeBudgetException when the request has ended (work left on a pool)
   */
  static void admit(String operation) {
    EcsDeadline deadline = CURRENT.get();
    if (deadline != null) {
      deadline.takePlace(operation);
    }
  }

  private synchronized void takePlace(String operation) {
    if (closed) {
      throw EcsTimeBudgetException.beforeSending(operation);
    }
    if (placed || bulkhead == null) {
      return;
    }
    if (!bulkhead.enter(left())) {
      throw new EcsBusyException(operation);
    }
    placed = true;
  }

  private Duration left() {
    return Duration.ofNanos(deadlineNanos - System.nanoTime());
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (placed) {
        placed = false;
        bulkhead.leave();
      }
    }
    set(outer);
  }
}
