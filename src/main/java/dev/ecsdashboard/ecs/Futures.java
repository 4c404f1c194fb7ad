package dev.ecsdashboard.ecs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work done on another thread (or shared with one) as if it had been done here. */
public final class Futures {

  private Futures() {}

  /**
   * The future's value, or the exception its work threw, as thrown (not wrapped in a {@link
   * CompletionException}), so that callers catch ECS errors as they would from a direct call.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }
}
