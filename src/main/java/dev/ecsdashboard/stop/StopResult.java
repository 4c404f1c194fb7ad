package dev.ecsdashboard.stop;

import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The outcome of one stop.
 *
 * @param outcome what happened
 * @param task the task as ECS described it after the stop (or before it, when nothing was sent)
 * @param reasonSent the attributed reason sent (or that would be sent) to ECS
 * @param auditId the audit record's number; null for a dry run
 */
public record StopResult(StopOutcome outcome, Task task, String reasonSent, Long auditId) {}
