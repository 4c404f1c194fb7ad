package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.StopAttempt;
import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * Stops many tasks of one cluster with one reason, for the pages and the REST API alike. The reason
 * and the access rule are checked at once; the stops then run in the background ({@link
 * BulkStopRunner}) and each task's outcome shows on the {@link BulkStop} as it comes, and in the
 * audit trail under the bulk stop's ID.
 */
public class BulkStopService {

  private static final int KEPT_BATCHES = 200;

  private final EcsOperations ecs;
  private final ArnScope scope;
  private final ClusterAccess access;
  private final AuditStore audit;
  private final ReasonPolicy policy;
  private final BulkStopRunner runner;
  private final StopProperties.Bulk properties;
  private final Clock clock;
  private final Map<String, BulkStop> batches = new LinkedHashMap<>();

  BulkStopService(
      EcsOperations ecs,
      ArnScope scope,
      ClusterAccess access,
      AuditStore audit,
      ReasonPolicy policy,
      BulkStopRunner runner,
      StopProperties.Bulk properties,
      Clock clock) {
    this.ecs = ecs;
    this.scope = scope;
    this.access = access;
    this.audit = audit;
    this.policy = policy;
    this.runner = runner;
    this.properties = properties;
    this.clock = clock;
  }

  /** The most tasks one bulk stop may hold. */
  public int maxTasks() {
    return properties.maxTasks();
  }

  /**
   * Starts stopping the tasks (IDs or ARNs; each is stopped once however often it is listed).
   *
   * @throws InvalidStopReasonException when the reason breaks a rule (nothing recorded or sent)
   * @throws InvalidReferenceException when a task is malformed or an ARN of another region or
   *     account (nothing recorded or sent)
   * @throws IllegalArgumentException when no task or too many are given
   * @throws AccessDeniedException when the user may not stop tasks of the cluster (each task is
   *     recorded as refused)
   */
  public BulkStop start(ClusterRef cluster, Collection<String> tasks, String typedReason) {
    String user = access.currentUser();
    String reasonSent = policy.attributed(typedReason, user);
    Map<String, TaskRef> refs = new LinkedHashMap<>();
    for (String task : tasks) {
      TaskRef ref = TaskRef.parse(cluster.name(), task);
      refs.putIfAbsent(ref.id(), ref);
    }
    checkScope(refs.values());
    if (refs.isEmpty()) {
      throw new IllegalArgumentException("No task was selected.");
    }
    if (refs.size() > properties.maxTasks()) {
      throw new IllegalArgumentException(
          "A bulk stop holds at most " + properties.maxTasks() + " tasks.");
    }
    BulkStop batch =
        new BulkStop(
            UUID.randomUUID().toString(),
            user,
            cluster,
            typedReason,
            reasonSent,
            clock.instant(),
            List.copyOf(refs.values()));
    keep(batch);
    try {
      access.checkStop(cluster.name());
    } catch (AccessDeniedException e) {
      for (BulkTask task : batch.tasks()) {
        audit.record(
            new StopAttempt(
                batch.id(),
                user,
                cluster.name(),
                task.taskArn(),
                null,
                Map.of(),
                typedReason,
                reasonSent),
            AuditOutcome.REFUSED,
            "AccessDenied",
            e.getMessage());
        batch.finished(task, BulkTaskState.REFUSED, "AccessDenied", e.getMessage());
      }
      throw e;
    }
    runner.run(batch);
    return batch;
  }

  /**
   * Refuses the whole bulk stop, before anything starts, when one task is an ARN of another region
   * or account, as a single stop would be. Until ECS has returned an ARN the account is unknown, so
   * one ListClusters call learns it first.
   */
  private void checkScope(Collection<TaskRef> refs) {
    if (scope.account().isEmpty() && refs.stream().anyMatch(r -> r.arn().isPresent())) {
      ecs.listClusterArns();
    }
    refs.forEach(ref -> scope.check("task", ref.arn()));
  }

  /**
   * Every task matching a filter, on all pages, up to one more than {@link #maxTasks()} (so a
   * caller can tell that there are too many).
   */
  public List<String> matching(ClusterRef cluster, TaskQuery query) {
    access.checkRead(cluster.name());
    List<String> arns = new ArrayList<>();
    String token = null;
    do {
      TaskArnPage page = ecs.listTasks(cluster, query, token, EcsOperations.MAX_PAGE);
      arns.addAll(page.taskArns());
      token = page.nextToken();
    } while (token != null && arns.size() <= properties.maxTasks());
    return arns.size() > properties.maxTasks() + 1
        ? arns.subList(0, properties.maxTasks() + 1)
        : arns;
  }

  /** A bulk stop this process ran, if the user started it or may read everyone's. */
  public Optional<BulkStop> find(String id) {
    BulkStop batch;
    synchronized (batches) {
      batch = batches.get(id);
    }
    if (batch == null || !(access.isAdmin() || batch.user().equals(access.currentUser()))) {
      return Optional.empty();
    }
    return Optional.of(batch);
  }

  private void keep(BulkStop batch) {
    synchronized (batches) {
      batches.put(batch.id(), batch);
      if (batches.size() > KEPT_BATCHES) {
        batches.values().stream()
            .filter(BulkStop::isDone)
            .findFirst()
            .ifPresent(b -> batches.remove(b.id()));
      }
    }
  }
}
