package dev.ecsdashboard.demo;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Future changes of the simulation (lifecycle steps, replacement starts, forgetting stopped tasks),
 * applied lazily: every call first advances the timeline to the clock's now, so no background
 * thread is needed and a test clock moves time at will. Guarded by the simulation's lock.
 */
final class DemoTimeline {

  private record Event(Instant at, long sequence, Consumer<Instant> action) {}

  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
  private long sequence;

  /** Runs {@code action} with its due time once the clock reaches {@code at}. */
  void at(Instant at, Consumer<Instant> action) {
    events.add(new Event(at, sequence++, action));
  }

  /** Applies every change due by {@code now}, in time order; changes may schedule further ones. */
  void advanceTo(Instant now) {
    while (!events.isEmpty() && !events.peek().at().isAfter(now)) {
      Event event = events.poll();
      event.action().accept(event.at());
    }
  }

  int size() {
    return events.size();
  }
}
