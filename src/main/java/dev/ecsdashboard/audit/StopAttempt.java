package dev.ecsdashboard.audit;

import java.util.Map;

/**
 * What is known of a stop attempt before ECS is called: who, which task, why, and the task's group
 * and tags as they were (ECS deletes the tags when it stops a task).
 *
 * @param batchId the bulk stop this attempt belongs to, null for a single stop
 * @param user the signed-in user
 * @param cluster the cluster's short name
 * @param taskArn the task's ARN (or its ID when ECS could not describe it); null when the request
 *     named no single valid task
 * @param taskGroup the task's group, such as {@code service:web}; null when unknown
 * @param tags the task's tags before the stop, in ECS's order; empty when unknown
 * @param reasonTyped the reason as the user typed it
 * @param reasonSent the attributed reason sent to ECS; null when nothing is sent
 */
public record StopAttempt(
    String batchId,
    String user,
    String cluster,
    String taskArn,
    String taskGroup,
    Map<String, String> tags,
    String reasonTyped,
    String reasonSent) {

  public StopAttempt {
    tags =
        tags == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
  }
}
