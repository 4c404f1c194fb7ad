package dev.ecsdashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ecsdashboard.audit.AuditEntry;
import dev.ecsdashboard.audit.AuditFilter;
import dev.ecsdashboard.audit.AuditOutcome;
import dev.ecsdashboard.audit.AuditPage;
import dev.ecsdashboard.audit.AuditProperties;
import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.security.ClusterAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for tools, with the activity page's filters and paging: an administrator reads
 * everyone's records, anyone else their own (asking for another user's is refused with 403).
 */
@RestController
class AuditApiController {

  private final AuditStore store;
  private final ClusterAccess access;
  private final AuditProperties properties;

  AuditApiController(AuditStore store, ClusterAccess access, AuditProperties properties) {
    this.store = store;
    this.access = access;
    this.properties = properties;
  }

  @Operation(summary = "The audit trail of stops, newest first")
  @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  Page audit(
      @Parameter(description = "Records of this user; others than yourself need ADMIN.")
          @RequestParam(required = false)
          String user,
      @Parameter(description = "Records of this cluster (short name).")
          @RequestParam(required = false)
          String cluster,
      @Parameter(description = "Records with this outcome.") @RequestParam(required = false)
          AuditOutcome outcome,
      @Parameter(description = "Records of this stop-batch.") @RequestParam(required = false)
          String batch,
      @Parameter(description = "Page number, from 0.") @RequestParam(defaultValue = "0") int page) {
    if (!access.isAdmin()
        && user != null
        && !user.isBlank()
        && !user.equals(access.currentUser())) {
      throw new AccessDeniedException("Only an administrator reads other users' stops.");
    }
    if (page < 0) {
      throw new InvalidApiInputException("page", "page counts from 0.");
    }
    AuditFilter filter = new AuditFilter(user, cluster, outcome, batch).seenBy(access);
    AuditPage found = store.find(filter, page, properties.pageSize());
    return new Page(
        found.entries().stream().map(Entry::of).toList(),
        found.page(),
        found.size(),
        found.total(),
        found.totalPages());
  }

  /** One page of records, newest first. */
  record Page(List<Entry> entries, int page, int size, long total, int totalPages) {}

  /**
   * One record of the audit trail.
   *
   * @param taskArn the task's ARN (or ID as given); absent when the record names no single task
   * @param taskCount how many tasks the request named: 1, except for a request refused as a whole
   * @param tags the task's tags as they were before the stop (ECS deletes them)
   * @param reasonTyped the reason as typed
   * @param reasonSent the attributed reason sent to ECS
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      long id,
      String batch,
      Instant startedAt,
      Instant completedAt,
      String user,
      String cluster,
      String taskArn,
      int taskCount,
      String taskGroup,
      Map<String, String> tags,
      String reasonTyped,
      String reasonSent,
      AuditOutcome outcome,
      String errorCode,
      String errorMessage) {

    static Entry of(AuditEntry e) {
      return new Entry(
          e.id(),
          e.batchId(),
          e.startedAt(),
          e.completedAt(),
          e.user(),
          e.cluster(),
          e.taskArn(),
          e.taskCount(),
          e.attempt().taskGroup(),
          e.tags(),
          e.attempt().reasonTyped(),
          e.attempt().reasonSent(),
          e.outcome(),
          e.errorCode(),
          e.errorMessage());
    }
  }
}
