package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.BulkStopLedger;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.TaskRef;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One bulk stop: the tasks, one reason for all, and each task's outcome as it comes. A bulk stop
 * another process ran (or this one before a restart) is read back from the audit database.
 */
public final class BulkStop {

  private final String id;
  private final String user;
  private final ClusterRef cluster;
  private final String reasonTyped;
  private final String reasonSent;
  private final Instant startedAt;
  private final boolean dryRun;
  private final List<BulkTask> tasks;
  private final AtomicInteger open;
  private final CompletableFuture<BulkStop> finished = new CompletableFuture<>();

  BulkStop(
      String id,
      String user,
      ClusterRef cluster,
      String reasonTyped,
      String reasonSent,
      Instant startedAt,
      List<TaskRef> tasks) {
    this(id, user, cluster, reasonTyped, reasonSent, startedAt, tasks, false);
  }

  BulkStop(
      String id,
      String user,
      ClusterRef cluster,
      String reasonTyped,
      String reasonSent,
      Instant startedAt,
      List<TaskRef> tasks,
      boolean dryRun) {
    this.id = id;
    this.user = user;
    this.cluster = cluster;
    this.reasonTyped = reasonTyped;
    this.reasonSent = reasonSent;
    this.startedAt = startedAt;
    this.dryRun = dryRun;
    this.tasks =
        IntStream.range(0, tasks.size()).mapToObj(i -> new BulkTask(i, tasks.get(i))).toList();
    this.open = new AtomicInteger(this.tasks.size());
    if (this.tasks.isEmpty()) {
      finished.complete(this);
    }
  }

  /** A bulk stop as the audit database has it: each task with its record's outcome, if any. */
  static BulkStop restored(BulkStopLedger.Stored stored) {
    BulkStopLedger.Batch b = stored.batch();
    ClusterRef cluster = ClusterRef.of(b.cluster());
    BulkStop batch =
        new BulkStop(
            b.id(),
            b.user(),
            cluster,
            b.reasonTyped(),
            b.reasonSent(),
            b.startedAt(),
            stored.tasks().stream().map(t -> TaskRef.parse(cluster.name(), t.task())).toList());
    for (BulkStopLedger.Task row : stored.tasks()) {
      AuditEntry record = row.record();
      BulkTask task = batch.tasks.get(row.index());
      if (record != null && record.taskArn() != null) {
        task.describedAs(record.taskArn());
      }
      if (record != null && !record.outcome().isOpen()) {
        batch.finished(
            task,
            BulkTaskState.valueOf(record.outcome().name()),
            record.errorCode(),
            record.errorMessage());
      }
    }
    return batch;
  }

  public String id() {
    return id;
  }

  public String user() {
    return user;
  }

  public ClusterRef cluster() {
    return cluster;
  }

  public String reasonTyped() {
    return reasonTyped;
  }

  public String reasonSent() {
    return reasonSent;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The tasks in the order they were given. */
  public List<BulkTask> tasks() {
    return tasks;
  }

  /** Whether this was a dry run: nothing was stopped or recorded. */
  public boolean isDryRun() {
    return dryRun;
  }

  public boolean isDone() {
    return finished.isDone();
  }

  /** How many tasks are in each state. */
  public Map<BulkTaskState, Integer> counts() {
    Map<BulkTaskState, Integer> counts = new EnumMap<>(BulkTaskState.class);
    for (BulkTaskState state : BulkTaskState.values()) {
      counts.put(state, 0);
    }
    tasks.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    return counts;
  }

  /** Waits until every task has its outcome, or the time is up. */
  public boolean await(Duration timeout) throws InterruptedException {
    try {
      finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs once every task has its outcome. */
  void whenDone(Runnable action) {
    finished.thenRun(action);
  }

  /** Called once per task when it reaches its outcome. */
  void finished(BulkTask task, BulkTaskState state, String errorCode, String message) {
    if (task.finish(state, errorCode, message) && open.decrementAndGet() == 0) {
      finished.complete(this);
    }
  }
}
