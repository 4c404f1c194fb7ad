package dev.ecsdashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecsdashboard.stop.BulkStop;
import dev.ecsdashboard.stop.BulkTask;
import dev.ecsdashboard.stop.BulkTaskState;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The REST API's response documents. Clusters and tasks are ECS's own wire documents ({@link
 * dev.ecsdashboard.ecs.WireJson}, declared as {@code Object} so that the OpenAPI generator does not
 * introspect the JSON tree class); their schemas are derived from the SDK model ({@link
 * WireSchemas}).
 */
final class ApiDocuments {

  private ApiDocuments() {}

  /** {@code GET /api/v1/clusters}: as DescribeClusters answers, clusters the caller may read. */
  record Clusters(
      @ArraySchema(schema = @Schema(ref = WireSchemas.CLUSTER)) List<Object> clusters) {}

  /** {@code GET /api/v1/clusters/{cluster}/tasks}: one page, described in full with tags. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Tasks(
      @ArraySchema(schema = @Schema(ref = WireSchemas.TASK)) List<Object> tasks,
      @Schema(description = "The token of the next page; absent on the last page.")
          String nextToken) {}

  /** One task, as DescribeTasks and StopTask answer (and {@code aws ecs stop-task} prints). */
  record OneTask(@Schema(ref = WireSchemas.TASK) Object task) {}

  /**
   * A stop-batch and each task's outcome so far.
   *
   * @param id the batch's ID, under which the audit trail keeps its records; absent for a dry run
   * @param dryRun whether this was a dry run: each outcome is what a stop would do
   * @param cluster the cluster's short name
   * @param reason the reason sent to ECS, attributed to the caller
   * @param done whether every task has its outcome
   * @param counts how many tasks are in each state
   * @param tasks each task's outcome, in the order given
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Batch(
      String id,
      boolean dryRun,
      String cluster,
      String reason,
      boolean done,
      Map<BulkTaskState, Integer> counts,
      List<BatchTask> tasks) {

    static Batch of(BulkStop batch, boolean done) {
      return new Batch(
          batch.id(),
          batch.isDryRun(),
          batch.cluster().name(),
          batch.reasonSent(),
          done,
          batch.counts(),
          batch.tasks().stream().map(BatchTask::of).toList());
    }
  }

  /**
   * One task of a stop-batch.
   *
   * @param task the task's ARN once ECS described it, its ID before
   * @param outcome WAITING until it has its outcome; NOT_SENT when the process running the batch
   *     ended before the task's StopTask was sent; WOULD_STOP in a dry run
   * @param errorCode ECS's error code (or the dashboard's) when it failed or was refused
   * @param message what went wrong, in ECS's words or the dashboard's
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BatchTask(String task, BulkTaskState outcome, String errorCode, String message) {

    static BatchTask of(BulkTask task) {
      return new BatchTask(task.taskArn(), task.state(), task.errorCode(), task.message());
    }
  }
}
