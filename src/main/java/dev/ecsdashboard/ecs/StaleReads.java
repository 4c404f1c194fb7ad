package dev.ecsdashboard.ecs;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Whether a piece of work (a page being built) was answered from an old copy because ECS failed,
 * and how old the oldest such answer was. Old copies are only served to work that tracks them, so
 * that whoever shows the data can say how old it is; everything else sees ECS's error.
 */
public final class StaleReads {

  private static final ThreadLocal<AtomicLong> OLDEST_SECONDS = new ThreadLocal<>();

  private StaleReads() {}

  /** Starts tracking on this thread: from now on, reads may be answered from an old copy. */
  public static void track() {
    OLDEST_SECONDS.set(new AtomicLong(-1));
  }

  /** Stops tracking on this thread. */
  public static void clear() {
    OLDEST_SECONDS.remove();
  }

  /** The age in seconds of the oldest answer served from an old copy since {@link #track()}. */
  public static OptionalLong oldestSeconds() {
    AtomicLong oldest = OLDEST_SECONDS.get();
    return oldest == null || oldest.get() < 0
        ? OptionalLong.empty()
        : OptionalLong.of(oldest.get());
  }

  /** Work to run on another thread, tracked as part of this thread's work. */
  public static <T> Supplier<T> carriedOver(Supplier<T> work) {
    AtomicLong oldest = OLDEST_SECONDS.get();
    return () -> {
      AtomicLong before = OLDEST_SECONDS.get();
      set(oldest);
      try {
        return work.get();
      } finally {
        set(before);
      }
    };
  }

  /**
   * Work that decides something from what it reads (whether to stop a task), which must see ECS as
   * it is or its error, never an old copy.
   */
  public static <T> T untracked(Supplier<T> work) {
    AtomicLong before = OLDEST_SECONDS.get();
    OLDEST_SECONDS.remove();
    try {
      return work.get();
    } finally {
      set(before);
    }
  }

  static boolean tracking() {
    return OLDEST_SECONDS.get() != null;
  }

  static void served(Duration age) {
    AtomicLong oldest = OLDEST_SECONDS.get();
    if (oldest != null) {
      oldest.accumulateAndGet(age.toSeconds(), Math::max);
    }
  }

  private static void set(AtomicLong value) {
    if (value == null) {
      OLDEST_SECONDS.remove();
    } else {
      OLDEST_SECONDS.set(value);
    }
  }
}
