package dev.ecsdashboard.api;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.stop.BulkStop;
import dev.ecsdashboard.stop.BulkStopService;
import dev.ecsdashboard.stop.StopResult;
import dev.ecsdashboard.stop.StopService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stopping tasks for tools: {@code aws ecs stop-task}'s input and output, attributed to the caller,
 * checked against the access rules and audited like a stop from the pages.
 */
@RestController
@RequestMapping(path = "/api/v1/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class StopApiController {

  static final String OUTCOME_HEADER = "X-Stop-Outcome";
  static final String AUDIT_HEADER = "X-Audit-Id";

  /** How long a stop-batch request waits for every outcome before it answers 202. */
  static final Duration BATCH_WAIT = Duration.ofSeconds(20);

  private final StopService stops;
  private final BulkStopService bulk;

  StopApiController(StopService stops, BulkStopService bulk) {
    this.stops = stops;
    this.bulk = bulk;
  }

  @Operation(
      summary = "Stop a task, as aws ecs stop-task does",
      description =
          "The body is the JSON of aws ecs stop-task --generate-cli-skeleton; the answer is what"
              + " the CLI prints. With dryRun=true, everything is checked (input, reason, access,"
              + " the task's existence) and nothing is stopped: the answer is the task as it is"
              + " now. X-Stop-Outcome says STOPPED, ALREADY_STOPPED or WOULD_STOP.")
  @PostMapping(path = "/stop", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiDocuments.OneTask> stop(
      @RequestBody StopTaskInput input,
      @Parameter(description = "Check everything, stop nothing.")
          @RequestParam(defaultValue = "false")
          boolean dryRun) {
    input.requireKnownFieldsOnly("aws ecs stop-task");
    TaskRef ref = TaskRef.parse(input.getCluster(), input.getTask());
    StopResult result = stops.stop(ref, input.getReason(), dryRun);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok().header(OUTCOME_HEADER, result.outcome().name());
    if (result.auditId() != null) {
      response.header(AUDIT_HEADER, result.auditId().toString());
    }
    return response.body(new ApiDocuments.OneTask(WireJson.toJson(result.task())));
  }

  @Operation(
      summary = "Stop many tasks of one cluster with one reason",
      description =
          "Answers 200 with each task's outcome when all are known within "
              + "20 seconds, else 202 with the outcomes so far and a Location to follow.")
  @PostMapping(path = "/stop-batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiDocuments.Batch> stopBatch(@RequestBody StopBatchInput input)
      throws InterruptedException {
    if (input.tasks() == null || input.tasks().isEmpty()) {
      throw new InvalidApiInputException("tasks", "tasks must list at least one task ID or ARN.");
    }
    if (input.tasks().size() > bulk.maxTasks()) {
      throw new InvalidApiInputException(
          "tasks", "A batch holds at most " + bulk.maxTasks() + " tasks.");
    }
    BulkStop batch = bulk.start(ClusterRef.parse(input.cluster()), input.tasks(), input.reason());
    boolean done = batch.await(BATCH_WAIT);
    return batchResponse(batch, done, true);
  }

  @Operation(summary = "The outcomes of a stop-batch so far")
  @GetMapping("/stop-batch/{id}")
  ResponseEntity<ApiDocuments.Batch> batch(@PathVariable String id) {
    return bulk.find(id)
        .map(batch -> batchResponse(batch, batch.isDone(), false))
        .orElseThrow(
            () ->
                new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND,
                        "This replica ran no stop-batch with this ID that you may see."),
                    null));
  }

  private static ResponseEntity<ApiDocuments.Batch> batchResponse(
      BulkStop batch, boolean done, boolean created) {
    ApiDocuments.Batch document = ApiDocuments.Batch.of(batch, done);
    if (done) {
      return ResponseEntity.ok(document);
    }
    URI location = URI.create("/api/v1/tasks/stop-batch/" + batch.id());
    return (created ? ResponseEntity.accepted().location(location) : ResponseEntity.accepted())
        .body(document);
  }
}
