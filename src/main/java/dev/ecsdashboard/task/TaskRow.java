package dev.ecsdashboard.task;

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
