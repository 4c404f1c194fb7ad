package dev.ecsdashboard.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The simulation's clusters and timeline behind one lock. Every access first applies the lifecycle
 * steps that are due by the clock's now, so readers always see the state of this moment.
 */
final class DemoState {

  private final Object lock = new Object();
  private final Clock clock;
  private final DemoAccount account;
  private final DemoTimeline timeline = new DemoTimeline();
  private final DemoTaskLifecycle lifecycle;
  private final NavigableMap<String, DemoCluster> clusters = new TreeMap<>();

  DemoState(Clock clock, DemoAccount account, DemoTiming timing, long seed) {
    this.clock = clock;
    this.account = account;
    this.lifecycle = new DemoTaskLifecycle(timing, timeline, new DemoIds(seed * 31 + 7), account);
  }

  Clock clock() {
    return clock;
  }

  DemoAccount account() {
    return account;
  }

  DemoTaskLifecycle lifecycle() {
    return lifecycle;
  }

  NavigableMap<String, DemoCluster> clusters() {
    return clusters;
  }

  /** Runs {@code work} under the lock, with the state advanced to now. */
  <T> T locked(Function<Instant, T> work) {
    synchronized (lock) {
      Instant now = clock.instant();
      timeline.advanceTo(now);
      return work.apply(now);
    }
  }

  /** Adds a generated cluster, scheduling when its stopped tasks are forgotten. */
  void add(DemoCluster cluster) {
    synchronized (lock) {
      clusters.put(cluster.name(), cluster);
      cluster.tasks().values().forEach(task -> lifecycle.forgetLater(cluster, task));
    }
  }

  /**
   * @throws DemoEcsError ClusterNotFoundException for a cluster this simulation does not have
   */
  DemoCluster cluster(String reference) {
    return account
        .clusterName(reference)
        .map(clusters::get)
        .orElseThrow(DemoEcsError::clusterNotFound);
  }

  Optional<DemoTask> find(DemoCluster cluster, String reference) {
    return account.taskId(reference, cluster.name()).map(id -> cluster.tasks().get(id));
  }

  List<Task> tasks(String clusterName) {
    return locked(
        now -> {
          DemoCluster cluster = clusters.get(clusterName);
          return cluster == null
              ? List.<Task>of()
              : cluster.tasks().values().stream().map(DemoTask::current).toList();
        });
  }
}
