package dev.ecsdashboard.stop;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What a user should know before stopping a task.
 *
 * @param task the task as ECS describes it now
 * @param alreadyStopped whether it is stopped or stopping already (a stop changes nothing)
 * @param mayStop whether the user may stop tasks of its cluster
 * @param maxReasonLength the longest reason this user may type
 * @param reasonRequired whether a reason is required
 */
public record StopPreview(
    Task task,
    boolean alreadyStopped,
    boolean mayStop,
    int maxReasonLength,
    boolean reasonRequired) {

  /** The tags ECS deletes when it stops the task, in ECS's order. */
  public Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : task.tags()) {
      tags.put(tag.key(), tag.value());
    }
    return tags;
  }

  /** The service whose scheduler starts a replacement, or null for a standalone task. */
  public String serviceName() {
    String group = task.group();
    return group != null && group.startsWith("service:") ? group.substring(8) : null;
  }
}
