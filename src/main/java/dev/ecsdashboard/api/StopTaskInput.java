package dev.ecsdashboard.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/tasks/stop}: exactly the JSON of {@code aws ecs stop-task
 * --generate-cli-skeleton}. A field the CLI does not know is refused, as the CLI refuses it.
 */
@Schema(description = "The JSON of aws ecs stop-task --generate-cli-skeleton, filled in.")
class StopTaskInput extends KnownFieldsOnly {

  @Schema(
      description = "Cluster short name or full ARN; default when absent or empty, as in ECS.",
      example = "prod-web")
  private String cluster;

  @Schema(
      description = "Task ID or full task ARN.",
      example = "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
      requiredMode = Schema.RequiredMode.REQUIRED)
  private String task;

  @Schema(
      description =
          "Why the task is stopped; sent to ECS attributed to the caller ({user}: {reason}).",
      example = "Deploy stuck, restarting")
  private String reason;

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
