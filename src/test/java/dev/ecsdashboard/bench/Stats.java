package dev.ecsdashboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Timings of repeated runs: median and 99th percentile in milliseconds. */
final class Stats {

  private final List<Double> millis = new ArrayList<>();

  /** Runs and times {@code work}; returns its result. */
  <T> T time(Callable<T> work) throws Exception {
    long start = System.nanoTime();
    T result = work.call();
    millis.add((System.nanoTime() - start) / 1e6);
    return result;
  }

  /** Adds a time measured elsewhere. */
  void add(double millis) {
    this.millis.add(millis);
  }

  double median() {
    return percentile(50);
  }

  double p99() {
    return percentile(99);
  }

  private double percentile(double p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
