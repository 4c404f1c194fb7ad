package dev.ecsdashboard.ecs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The most web requests that may wait on ECS at once ({@code dashboard.ecs.max-waiting}). When ECS
 * hangs, every request that reads it waits until its time budget is used up; without a bound, a few
 * hundred page views hold every web server thread and nothing else is answered, not even pages that
 * need no ECS call. A request takes a place the first time it would wait on ECS (a call of its own,
 * or one it shares with another request) and gives it back when it ends ({@link EcsDeadline}); a
 * request that finds no place within {@code dashboard.ecs.wait-for-place} is refused at once with
 * {@link EcsBusyException}, without calling ECS. Answers from the cache take no place.
 */
public final class EcsBulkhead {

  /** Gauge of the requests waiting on ECS now. */
  public static final String WAITING = "ecs.requests.waiting";

  /** Counter of the requests refused because too many were waiting. */
  public static final String REFUSED = "ecs.requests.refused";

  private final int places;
  private final Semaphore free;
  private final Duration waitForPlace;
  private volatile Counter refused;

  public EcsBulkhead(int places, Duration waitForPlace) {
    this.places = places;
    this.free = new Semaphore(places);
    this.waitForPlace = waitForPlace;
  }

  /** Publishes {@value #WAITING} and {@value #REFUSED}. */
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(WAITING, this, EcsBulkhead::waiting)
        .description("Web requests waiting on ECS")
        .register(registry);
    refused =
        Counter.builder(REFUSED)
            .description("Web requests refused because too many were waiting on ECS")
            .register(registry);
  }

  /** The requests holding a place now. */
  public int waiting() {
    return places - free.availablePermits();
  }

  /**
   * Takes a place, waiting for one at most {@code dashboard.ecs.wait-for-place} or {@code
   * timeLeft}, whichever is shorter.
   *
   * @return whether a place was taken; if so, {@link #leave()} must follow
   */
  boolean enter(Duration timeLeft) {
    Duration wait = timeLeft.compareTo(waitForPlace) < 0 ? timeLeft : waitForPlace;
    boolean entered;
    try {
      entered = free.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entered = false;
    }
    if (!entered && refused != null) {
      refused.increment();
    }
    return entered;
  }

  void leave() {
    free.release();
  }
}
