package dev.ecsdashboard.stop;

import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.audit.BulkStopLedger;
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
 * Stops many tasks of one cluster with one reason, for the pages and the REST API alike. The access
 * rule is checked first, then the input and the reason; the bulk stop and its tasks are written to
 * the audit database, then the stops run in the background ({@link BulkStopRunner}) and each task's
 * outcome shows on the {@link BulkStop} as it comes, and in the audit trail under its ID.
 */
public class BulkStopService {

  private static final int KEPT_BATCHES = 200;

  private final EcsOperations ecs;
  private final ClusterAccess access;
  private final AuditStore audit;
  private final BulkStopLedger ledger;
  private final ReasonPolicy policy;
  private final BulkStopRunner runner;
  private final StopProperties.Bulk properties;
  private final Clock clock;
  private final BulkTargets targets;
  private final Map<String, BulkStop> batches = new LinkedHashMap<>();

  BulkStopService(
      EcsOperations ecs,
      ArnScope scope,
      ClusterAccess access,
      AuditStore audit,
      BulkStopLedger ledger,
      ReasonPolicy policy,
      BulkStopRunner runner,
      StopProperties.Bulk properties,
      Clock clock) {
    this.ecs = ecs;
    this.access = access;
    this.audit = audit;
    this.ledger = ledger;
    this.policy = policy;
    this.runner = runner;
    this.properties = properties;
    this.clock = clock;
    this.targets = new BulkTargets(ecs, scope, properties.maxTasks(), this::matching);
  }

  /** The most tasks one bulk stop may hold. */
  public int maxTasks() {
    return properties.maxTasks();
  }

  /** Starts stopping the tasks given (IDs or ARNs), with nothing else to check. */
  public BulkStop start(ClusterRef cluster, Collection<String> tasks, String typedReason) {
    return start(BulkStopRequest.of(cluster.name(), List.copyOf(tasks), typedReason));
  }

  /**
   * Starts a bulk stop (each task is stopped once however often it is listed), or with {@code
   * dryRun} describes the tasks and answers what a stop would do, stopping and recording nothing.
   *
   * @throws AccessDeniedException when the user may not stop tasks of the cluster, whatever else is
   *     wrong (one record, with the number of tasks named)
   * @throws InvalidReferenceException when the cluster or a task is malformed or an ARN of another
   *     region or account, and {@link InvalidStopInputException} when no task or too many are given
   *     or none matches (nothing recorded or sent)
   * @throws InvalidStopReasonException when the reason breaks a rule (nothing recorded or sent)
   */
  public BulkStop start(BulkStopRequest request) {
    ClusterRef cluster = ClusterRef.parse(request.cluster());
    String user = access.currentUser();
    checkStop(cluster, request, user);
    request.checkInput().run();
    if (request.allMatching() != null && !cluster.name().equals(request.confirmCluster())) {
      throw new InvalidStopInputException("confirmCluster", "stop.confirm-cluster.mismatch");
    }
    if (request.allMatching() == null) {
      targets.requireCount(request.tasks().size(), "stop.tasks.none");
    }
    String reasonSent = policy.attributed(request.reason(), user);
    List<TaskRef> refs = targets.of(cluster, request);
    BulkStop batch =
        new BulkStop(
            request.dryRun() ? null : UUID.randomUUID().toString(),
            user,
            cluster,
            request.reason(),
            reasonSent,
            clock.instant(),
            refs,
            request.dryRun());
    if (request.dryRun()) {
      BulkDescription.of(ecs, batch).answerDryRun(batch);
      return batch;
    }
    ledger.start(
        new BulkStopLedger.Batch(
            batch.id(),
            user,
            cluster.name(),
            request.reason(),
            reasonSent,
            batch.startedAt(),
            refs.stream().map(StopService::taskName).toList()));
    batch.whenDone(() -> ledger.finished(batch.id()));
    keep(batch);
    runner.run(batch);
    return batch;
  }

  /** The access rule: a refused request is one record, however many tasks it named. */
  private void checkStop(ClusterRef cluster, BulkStopRequest request, String user) {
    try {
      access.checkStop(cluster.name());
    } catch (AccessDeniedException e) {
      if (!request.dryRun()) {
        List<String> tasks = request.allMatching() == null ? request.tasks() : List.of();
        String task =
            tasks.size() == 1 ? StopService.validTaskName(cluster.name(), tasks.get(0)) : null;
        String reasonSent = StopService.attributedIfValid(policy, request.reason(), user);
        audit.refused(
            new StopAttempt(
                null, user, cluster.name(), task, null, Map.of(), request.reason(), reasonSent),
            tasks.size(),
            "AccessDenied",
            e.getMessage());
      }
      throw e;
    }
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

  /**
   * A bulk stop, if the user started it or may read everyone's: as this process runs it, or as the
   * audit database has it (run by another process, or by this one before a restart).
   */
  public Optional<BulkStop> find(String id) {
    BulkStop batch;
    synchronized (batches) {
      batch = batches.get(id);
    }
    Optional<BulkStop> found =
        batch != null ? Optional.of(batch) : ledger.find(id).map(BulkStop::restored);
    return found.filter(b -> access.isAdmin() || b.user().equals(access.currentUser()));
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
