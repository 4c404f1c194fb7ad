package dev.ecsdashboard.demo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulated ECS received: calls per operation (retries and faulted calls included, as they
 * count against ECS's throttling budget) and the StopTask calls it handled. Thread-safe.
 */
final class DemoCallLog {

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<StopTaskCall> stops = new ConcurrentLinkedQueue<>();

  void received(String operation) {
    calls.computeIfAbsent(operation, o -> new LongAdder()).increment();
  }

  void stopped(StopTaskCall call) {
    stops.add(call);
  }

  long count(String operation) {
    LongAdder adder = calls.get(operation);
    return adder == null ? 0 : adder.sum();
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    calls.forEach((operation, adder) -> counts.put(operation, adder.sum()));
    return counts;
  }

  List<StopTaskCall> stopTaskCalls() {
    return List.copyOf(stops);
  }

  void reset() {
    calls.clear();
    stops.clear();
  }
}
