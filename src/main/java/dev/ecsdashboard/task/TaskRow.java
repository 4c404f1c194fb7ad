package dev.ecsdashboard.task;

import dev.ecsdashboard.text.VisibleText;
import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One task as a row of the tasks page: the columns an operator scans.
 *
 * @param id the task ID
 * @param shortId its first 8 characters
 * @param lastStatus the task's last known status
 * @param desiredStatus the status ECS is moving it to
 * @param health HEALTHY, UNHEALTHY or UNKNOWN
 * @param service the service it belongs to, if it does
 * @param group its group, shown when it does not belong to a service
 * @param taskDefinition {@code family:revision}
 * @param launchType EC2, FARGATE, EXTERNAL...
 * @param availabilityZone where it runs
 * @param startedAt when it started, if it has
 * @param stopCode why it stopped, for stopped tasks
 * @param stoppedReason the reason ECS or the person who stopped it gave
 */
public record TaskRow(
    String id,
    String shortId,
    String lastStatus,
    String desiredStatus,
    String health,
    String service,
    String group,
    String taskDefinition,
    String launchType,
    String availabilityZone,
    Instant startedAt,
    String stopCode,
    String stoppedReason) {

  /** The badge class of the last status: {@code status-running}, or empty without a status. */
  public String statusClass() {
    return lastStatus == null ? "" : "status-" + VisibleText.className(lastStatus);
  }

  /** The badge class of the health status: {@code health-healthy}, or empty without one. */
  public String healthClass() {
    return health == null ? "" : "health-" + VisibleText.className(health);
  }

  /** When it started, in ISO-8601 UTC (for {@code <time datetime>} and sorting); empty if not. */
  public String startedIso() {
    return startedAt == null ? "" : startedAt.toString();
  }

  /** Whether ECS is taking the task to another status than its last one (shown as an arrow). */
  public boolean moving() {
    return desiredStatus != null && !desiredStatus.equals(lastStatus);
  }

  static TaskRow of(Task task) {
    String id = TaskNames.lastPart(task.taskArn());
    return new TaskRow(
        id,
        TaskNames.shortId(id),
        task.lastStatus(),
        task.desiredStatus(),
        task.healthStatusAsString(),
        TaskNames.service(task.group()),
        task.group(),
        TaskNames.taskDefinition(task.taskDefinitionArn()),
        task.launchTypeAsString(),
        task.availabilityZone(),
        task.startedAt(),
        task.stopCodeAsString(),
        task.stoppedReason());
  }
}
