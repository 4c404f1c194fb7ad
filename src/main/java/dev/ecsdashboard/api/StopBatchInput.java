package dev.ecsdashboard.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/v1/tasks/stop-batch}: one cluster, its tasks, one reason for all. A
 * field it does not have (a {@code "dryRun": true}) is refused.
 */
@Schema(description = "One cluster, its tasks, one reason for all; no other field.")
class StopBatchInput extends KnownFieldsOnly {

  @Schema(
      description = "Cluster short name or full ARN; default when absent or empty, as in ECS.",
      example = "staging-batch")
  private String cluster;

  @Schema(description = "Task IDs or full task ARNs.", requiredMode = Schema.RequiredMode.REQUIRED)
  private List<String> tasks;

  @Schema(
      description = "Why the tasks are stopped; sent to ECS attributed to the caller.",
      example = "Drain before maintenance")
  private String reason;

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public List<String> getTasks() {
    return tasks;
  }

  public void setTasks(List<String> tasks) {
    this.tasks = tasks;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
