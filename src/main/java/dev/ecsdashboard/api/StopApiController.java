package dev.ecsdashboard.api;

import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.stop.BulkStop;
import dev.ecsdashboard.stop.BulkStopRequest;
import dev.ecsdashboard.stop.BulkStopService;
import dev.ecsdashboard.stop.InvalidStopInputException;
import dev.ecsdashboard.stop.StopResult;
import dev.ecsdashboard.stop.StopService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stopping tasks for tools: {@code aws ecs stop-task}'s input and output, attributed to the caller,
 * checked against the access rules and audited like a stop from the pages. Requests that stop tasks
 * fail closed: a dry run in any spelling stops nothing, and nothing unknown is ignored.
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
              + " the CLI prints. With ?dryRun (or ?dryRun=true), everything is checked (access,"
              + " input, reason, the task's existence) and nothing is stopped: the answer is the"
              + " task as it is now. Any other query parameter, dryRun value or body field is"
              + " refused with 400. X-Stop-Outcome says STOPPED, ALREADY_STOPPED (stopped before,"
              + " or another stop reached ECS first) or WOULD_STOP.")
  @Parameter(
      name = StopQuery.DRY_RUN,
      in = ParameterIn.QUERY,
      description = "Check everything, stop nothing: empty, true or false.",
      schema = @Schema(type = "boolean"))
  @PostMapping(path = "/stop", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiDocuments.OneTask> stop(
      @RequestBody StopTaskInput input, HttpServletRequest request) {
    StopQuery query = StopQuery.of(request.getParameterMap());
    StopResult result =
        stops.stop(
            input.getCluster(),
            input.getTask(),
            input.getReason(),
            query.dryRun(),
            () -> {
              query.check();
              input.requireKnownFieldsOnly(
                  "the fields are those of aws ecs stop-task --generate-cli-skeleton.");
            });
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
          "Answers 200 with each task's outcome when all are known within 20 seconds, else 202"
              + " with the outcomes so far and a Location to follow. With ?dryRun (or"
              + " ?dryRun=true), everything is checked, the tasks are described, and each task's"
              + " outcome is what a stop would do (WOULD_STOP, ALREADY_STOPPED, or FAILED with"
              + " MISSING for a task ECS does not know); nothing is stopped or recorded. Any other"
              + " query parameter, dryRun value or body field is refused with 400.")
  @Parameter(
      name = StopQuery.DRY_RUN,
      in = ParameterIn.QUERY,
      description = "Check everything and describe the tasks, stop nothing: empty, true or false.",
      schema = @Schema(type = "boolean"))
  @PostMapping(path = "/stop-batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiDocuments.Batch> stopBatch(
      @RequestBody StopBatchInput input, HttpServletRequest request) throws InterruptedException {
    StopQuery query = StopQuery.of(request.getParameterMap());
    BulkStop batch =
        bulk.start(
            new BulkStopRequest(
                input.getCluster(),
                input.getTasks(),
                null,
                null,
                input.getReason(),
                query.dryRun(),
                () -> {
                  query.check();
                  input.requireKnownFieldsOnly("the fields are cluster, tasks and reason.");
                }));
    boolean done = batch.await(BATCH_WAIT);
    return batchResponse(batch, done, true);
  }

  /** Stop input that breaks a rule (no task, too many), worded as the pages word it. */
  @ExceptionHandler(InvalidStopInputException.class)
  ProblemDetail invalidInput(InvalidStopInputException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("field", e.field());
    return problem;
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
                        "There is no stop-batch with this ID that you may see."),
                    null));
  }

  private static ResponseEntity<ApiDocuments.Batch> batchResponse(
      BulkStop batch, boolean done, boolean created) {
    ApiDocuments.Batch document = ApiDocuments.Batch.of(batch, done);
    if (done || batch.isDryRun()) {
      return ResponseEntity.ok(document);
    }
    URI location = URI.create("/api/v1/tasks/stop-batch/" + batch.id());
    return (created ? ResponseEntity.accepted().location(location) : ResponseEntity.accepted())
        .body(document);
  }
}
