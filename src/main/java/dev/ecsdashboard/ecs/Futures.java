package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for work done on another thread (or shared with one) as if it had been done here. */
public final class Futures {

  private Futures() {}

  /**
   * The future's value, or the exception its work threw, as thrown (not wrapped), so that callers
   * catch ECS errors as they would from a direct call. A web request waits no longer than what is
   * left of its ECS time ({@link EcsDeadline}): the work belongs to another request's call or waits
   * in a pool's queue, and either may take longer than this request may.
   *
   * @param operation what the work asks ECS, for the error when the time runs out
   * @throws EcsTimeBudgetException when the request's time ran out first
   */
  public static <T> T join(CompletableFuture<T> future, String operation) {
    Optional<Duration> left = EcsDeadline.remaining();
    try {
      if (left.isEmpty()) {
        return future.join();
      }
      return future.get(Math.max(0, left.get().toNanos()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw EcsTimeBudgetException.whileWaiting(operation);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EcsTimeBudgetException.whileWaiting(operation);
    } catch (CompletionException | ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (CancellationException e) {
      throw EcsTimeBudgetException.whileWaiting(operation);
    }
  }
}
