package dev.ecsdashboard.task;

import dev.ecsdashboard.ecs.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Everything the task page shows, grouped for reading. Each group names the fields it shows first;
 * whatever the model has beyond them (including fields AWS adds later) is still shown, generically,
 * in {@link #other()}, so that no field of the task is ever left out.
 *
 * @param row the task as the tasks page shows it: ID, statuses, service, family:revision...
 * @param cluster the cluster's name
 * @param consoleUrl the task in the AWS console of its region, when the partition has one
 * @param summary what the task is and where it runs
 * @param lifecycle the task's timestamps in lifecycle order
 * @param stop why it stopped, when it did
 * @param containers each container with its bindings, interfaces and agents; null when ECS sent no
 *     container list
 * @param attachments each attachment with its details; null when ECS sent no attachment list
 * @param lists attributes, inference accelerators and tags, present ones only
 * @param overrides the task-level overrides
 * @param containerOverrides each container override; null when ECS sent none
 * @param other fields of the task the groups above do not cover
 * @param json the task's wire document, pretty-printed
 */
public record TaskDetails(
    TaskRow row,
    String cluster,
    String consoleUrl,
    List<FieldView> summary,
    List<Step> lifecycle,
    Stop stop,
    List<List<FieldView>> containers,
    List<List<FieldView>> attachments,
    List<FieldView> lists,
    List<FieldView> overrides,
    List<List<FieldView>> containerOverrides,
    List<FieldView> other,
    String json) {

  static final List<String> SUMMARY =
      List.of(
          "taskArn",
          "clusterArn",
          "taskDefinitionArn",
          "lastStatus",
          "desiredStatus",
          "healthStatus",
          "connectivity",
          "launchType",
          "capacityProviderName",
          "platformVersion",
          "platformFamily",
          "availabilityZone",
          "cpu",
          "memory",
          "ephemeralStorage",
          "fargateEphemeralStorage",
          "enableExecuteCommand",
          "group",
          "startedBy",
          "containerInstanceArn",
          "version");
  static final List<String> LIFECYCLE =
      List.of(
          "createdAt",
          "connectivityAt",
          "pullStartedAt",
          "pullStoppedAt",
          "startedAt",
          "stoppingAt",
          "executionStoppedAt",
          "stoppedAt");
  static final List<String> STOP = List.of("stopCode", "stoppedReason");
  static final List<String> LISTS = List.of("attributes", "inferenceAccelerators", "tags");
  static final List<String> CONTAINER =
      List.of(
          "name",
          "image",
          "imageDigest",
          "runtimeId",
          "lastStatus",
          "exitCode",
          "reason",
          "healthStatus",
          "cpu",
          "memory",
          "memoryReservation",
          "gpuIds",
          "containerArn",
          "taskArn",
          "networkBindings",
          "networkInterfaces",
          "managedAgents");
  static final List<String> ATTACHMENT = List.of("id", "type", "status", "details");
  static final List<String> OVERRIDES =
      List.of(
          "cpu",
          "memory",
          "taskRoleArn",
          "executionRoleArn",
          "ephemeralStorage",
          "inferenceAcceleratorOverrides");
  static final List<String> CONTAINER_OVERRIDE =
      List.of(
          "name",
          "command",
          "environment",
          "environmentFiles",
          "cpu",
          "memory",
          "memoryReservation",
          "resourceRequirements");

  /** One step of the lifecycle: when it happened, and how long after the step before it. */
  public record Step(String name, Instant at, Duration afterPrevious) {}

  /** Why the task stopped: ECS's code (an open set) and the reason given. */
  public record Stop(String code, String reason) {}

  static TaskDetails of(Task task) {
    TaskRow row = TaskRow.of(task);
    String cluster = TaskNames.lastPart(task.clusterArn());
    List<String> covered =
        Stream.of(
                SUMMARY, LIFECYCLE, STOP, LISTS, List.of("containers", "attachments", "overrides"))
            .flatMap(List::stream)
            .toList();
    return new TaskDetails(
        row,
        cluster,
        ConsoleLinks.task(task.taskArn(), cluster, row.id()),
        FieldViews.named(task, SUMMARY),
        lifecycle(task),
        task.stopCodeAsString() == null && task.stoppedReason() == null
            ? null
            : new Stop(task.stopCodeAsString(), task.stoppedReason()),
        task.hasContainers() ? each(task.containers(), CONTAINER) : null,
        task.hasAttachments() ? each(task.attachments(), ATTACHMENT) : null,
        FieldViews.named(task, LISTS),
        overrides(task),
        task.overrides() == null || !task.overrides().hasContainerOverrides()
            ? null
            : each(task.overrides().containerOverrides(), CONTAINER_OVERRIDE),
        FieldViews.remainder(task, covered),
        WireJson.toJson(task).toPrettyString());
  }

  private static List<FieldView> overrides(Task task) {
    if (task.overrides() == null) {
      return List.of();
    }
    List<FieldView> views = new ArrayList<>(FieldViews.named(task.overrides(), OVERRIDES));
    List<String> covered = new ArrayList<>(OVERRIDES);
    covered.add("containerOverrides");
    views.addAll(FieldViews.remainder(task.overrides(), covered));
    return views;
  }

  private static List<Step> lifecycle(Task task) {
    List<Step> steps = new ArrayList<>();
    Instant previous = null;
    for (FieldView time : FieldViews.named(task, LIFECYCLE)) {
      Duration after = previous == null ? null : Duration.between(previous, time.time());
      steps.add(new Step(time.name(), time.time(), after));
      previous = time.time();
    }
    return steps;
  }

  private static List<List<FieldView>> each(List<? extends SdkPojo> items, List<String> order) {
    return items.stream().map(item -> FieldViews.all(item, order)).toList();
  }
}
