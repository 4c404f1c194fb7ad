package dev.ecsdashboard.ecs;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * {@link EcsOperations} with a cache in front of the reads. Identical reads that arrive while one
 * is in flight share its call, and answers are served again for {@link
 * EcsCacheProperties#freshness()}, so that many viewers cost ECS no more than one. A stop forgets
 * every cached answer about the task's cluster at once. When ECS fails (throttled, unavailable) the
 * last good answer, kept for {@link EcsCacheProperties#staleFor()}, is served to work that tracks
 * old answers ({@link StaleReads}), which then shows its age.
 *
 * <p>The cache holds ECS's answers only, never a decision about a user: the services check each
 * user's access to a cluster before they read it, cached or not.
 */
public class CachingEcsOperations implements EcsOperations {

  private final EcsOperations ecs;
  private final Ticker ticker;
  private final AsyncCache<Read, Object> fresh;
  private final Cache<Read, Answer> lastGood;

  /**
   * @param ticker the time source of freshness and ages ({@link Ticker#systemTicker()})
   */
  public CachingEcsOperations(EcsOperations ecs, EcsCacheProperties properties, Ticker ticker) {
    this.ecs = ecs;
    this.ticker = ticker;
    this.fresh =
        properties.freshness().isZero()
            ? null
            : Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.freshness())
                .maximumWeight(properties.maxItems())
                .weigher((Read read, Object answer) -> weight(answer))
                .recordStats()
                .buildAsync();
    this.lastGood =
        properties.staleFor().isZero()
            ? null
            : Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.staleFor())
                .maximumWeight(properties.maxItems())
                .weigher((Read read, Answer answer) -> weight(answer.value()))
                .build();
  }

  /** Publishes the cache's hits and misses as {@code cache.gets{cache=ecs-reads}}. */
  public void bindTo(MeterRegistry registry) {
    if (fresh != null) {
      CaffeineCacheMetrics.monitor(registry, fresh, "ecs-reads");
    }
  }

  @Override
  public List<String> listClusterArns() {
    return read(new Read("ListClusters", null, null), ecs::listClusterArns);
  }

  @Override
  public List<Cluster> describeClusters(List<String> clusters) {
    return read(
        new Read("DescribeClusters", null, List.copyOf(clusters)),
        () -> ecs.describeClusters(clusters));
  }

  @Override
  public TaskArnPage listTasks(
      ClusterRef cluster, TaskQuery query, String nextToken, int maxResults) {
    return read(
        new Read("ListTasks", cluster.name(), new Listing(cluster, query, nextToken, maxResults)),
        () -> ecs.listTasks(cluster, query, nextToken, maxResults));
  }

  @Override
  public DescribedTasks describeTasks(ClusterRef cluster, List<String> tasks) {
    return read(
        new Read("DescribeTasks", cluster.name(), List.of(cluster, List.copyOf(tasks))),
        () -> {
          DescribedTasks described = ecs.describeTasks(cluster, tasks);
          return new DescribedTasks(
              List.copyOf(described.tasks()), List.copyOf(described.failures()));
        });
  }

  @Override
  public Task describeTask(TaskRef task) {
    return read(
        new Read("DescribeTasks", task.cluster().name(), task), () -> ecs.describeTask(task));
  }

  @Override
  public Task stopTask(TaskRef task, String reason) {
    try {
      return ecs.stopTask(task, reason);
    } finally {
      forget(task.cluster().name());
    }
  }

  @Override
  public Task stopTaskPatiently(TaskRef task, String reason) {
    try {
      return ecs.stopTaskPatiently(task, reason);
    } finally {
      forget(task.cluster().name());
    }
  }

  /**
   * Forgets the fresh answers about a cluster (its lists and tasks) and the cluster list with its
   * counts, whatever the stop came to: a call whose answer was lost may have stopped the task.
   */
  private void forget(String cluster) {
    if (fresh != null) {
      fresh
          .asMap()
          .keySet()
          .removeIf(read -> read.cluster() == null || read.cluster().equals(cluster));
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T read(Read read, Supplier<T> call) {
    try {
      return fresh == null ? remembered(read, call) : (T) shared(read, call);
    } catch (EcsThrottledException
        | EcsUnavailableException
        | EcsTimeBudgetException
        | EcsBusyException e) {
      Answer last = lastGood == null || !StaleReads.tracking() ? null : lastGood.getIfPresent(read);
      if (last == null) {
        throw e;
      }
      StaleReads.served(Duration.ofNanos(ticker.read() - last.nanos()));
      return (T) last.value();
    }
  }

  /**
   * The answer of the call in flight or done for this read, or of a new one made on this thread. A
   * request that joins another's call in flight waits on ECS too (it takes a place among those
   * waiting), but no longer than its own time: the call runs on the other request's.
   */
  private <T> Object shared(Read read, Supplier<T> call) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> shared = fresh.get(read, (key, executor) -> mine);
    if (shared == mine) {
      try {
        mine.complete(remembered(read, call));
      } catch (RuntimeException | Error e) {
        // Failures are not cached, and the future completes normally: Caffeine logs every
        // exceptional completion as a warning with its stack trace, and an unknown task is no
        // reason for one.
        fresh.asMap().remove(read, mine);
        mine.complete(new Failed(e));
      }
    } else if (!shared.isDone()) {
      EcsDeadline.admit(read.operation());
    }
    Object answer = Futures.join(shared, read.operation());
    if (answer instanceof Failed failed) {
      failed.rethrow();
    }
    return answer;
  }

  private <T> T remembered(Read read, Supplier<T> call) {
    T value = call.get();
    if (lastGood != null) {
      lastGood.put(read, new Answer(value, ticker.read()));
    }
    return value;
  }

  /** The items an answer holds: its share of the cache's memory. */
  private static int weight(Object answer) {
    if (answer instanceof Collection<?> items) {
      return 1 + items.size();
    }
    if (answer instanceof TaskArnPage page) {
      return 1 + page.taskArns().size();
    }
    if (answer instanceof DescribedTasks described) {
      return 1 + described.tasks().size() + described.failures().size();
    }
    return 1;
  }

  /**
   * A read and everything that decides its answer.
   *
   * @param operation the ECS operation (tags are always included)
   * @param cluster the cluster's name, for forgetting its answers after a stop; null for reads
   *     about all clusters
   * @param arguments the operation's arguments, as given (an ARN stays in, for its scope check)
   */
  private record Read(String operation, String cluster, Object arguments) {}

  private record Listing(ClusterRef cluster, TaskQuery query, String nextToken, int maxResults) {}

  private record Answer(Object value, long nanos) {}

  /** A read that failed, as its shared future holds it. */
  private record Failed(Throwable error) {
    void rethrow() {
      if (error instanceof RuntimeException e) {
        throw e;
      }
      throw (Error) error;
    }
  }
}
