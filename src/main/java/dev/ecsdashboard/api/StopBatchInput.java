package dev.ecsdashboard.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /api/v1/tasks/stop-batch}: one cluster, its tasks, one reason for all.
 *
 * @param cluster cluster short name or full ARN; {@code default} when absent
 * @param tasks task IDs or full task ARNs
 * @param reason why the tasks are stopped, sent attributed to the caller
 */
record StopBatchInput(
    @Schema(example = "staging-batch") String cluster,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> tasks,
    @Schema(example = "Drain before maintenance") String reason) {}
