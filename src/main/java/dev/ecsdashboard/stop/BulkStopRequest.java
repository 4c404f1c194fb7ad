package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.TaskQuery;
import java.util.List;
import java.util.function.Supplier;

/**
 * A bulk stop as asked for, unchecked: {@link BulkStopService#start} checks the access rule first,
 * then everything else.
 *
 * @param cluster the cluster as given (short name or ARN; blank for {@code default})
 * @param tasks the tasks as given (IDs or ARNs); ignored when {@code allMatching} is set
 * @param allMatching the filter of "all tasks matching", parsed only after the access check; null
 *     for the tasks given
 * @param confirmCluster the cluster name typed again, required with {@code allMatching}
 * @param reason the reason as typed
 * @param dryRun check everything, describe the tasks, stop and record nothing
 * @param checkInput the caller's own checks of its input (unknown parameters or fields), run after
 *     the access check
 */
public record BulkStopRequest(
    String cluster,
    List<String> tasks,
    Supplier<TaskQuery> allMatching,
    String confirmCluster,
    String reason,
    boolean dryRun,
    Runnable checkInput) {

  public BulkStopRequest {
    tasks = tasks == null ? List.of() : tasks;
    checkInput = checkInput == null ? () -> {} : checkInput;
  }

  /** The tasks given, with nothing else to check. */
  public static BulkStopRequest of(String cluster, List<String> tasks, String reason) {
    return new BulkStopRequest(cluster, tasks, null, null, reason, false, null);
  }
}
