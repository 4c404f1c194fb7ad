package dev.ecsdashboard.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cache's time in the benchmark: real time, which the benchmark can move forward (so that each
 * timed read misses the cache) or replace with simulated time (viewers over a minute).
 */
final class BenchTicker implements Ticker {

  private final AtomicLong offset = new AtomicLong();
  private volatile long simulated = -1;

  @Override
  public long read() {
    long at = simulated;
    return at >= 0 ? at : System.nanoTime() + offset.get();
  }

  /** Moves time past every cached answer. */
  void expireEverything() {
    offset.addAndGet(Duration.ofHours(1).toNanos());
  }

  /** From now on time is {@code at} until set again or {@link #real()}. */
  void simulate(long at) {
    simulated = at;
  }

  /** Back to real time, later than any simulated time used. */
  void real() {
    simulated = -1;
    expireEverything();
  }
}
