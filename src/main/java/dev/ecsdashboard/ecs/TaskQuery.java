package dev.ecsdashboard.ecs;

import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;

/**
 * The ListTasks filters. ECS allows only some combinations (for example {@code serviceName} with
 * {@code family} is rejected), and ECS's own answer is passed on.
 *
 * @param desiredStatus RUNNING (also when null, as in ECS), STOPPED or PENDING
 * @param serviceName tasks of this service
 * @param family tasks of this task definition family
 * @param startedBy tasks started with this tag
 * @param launchType FARGATE, EC2 or EXTERNAL
 * @param containerInstance tasks on this container instance (ID or ARN)
 */
public record TaskQuery(
    DesiredStatus desiredStatus,
    String serviceName,
    String family,
    String startedBy,
    LaunchType launchType,
    String containerInstance) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  private static final Pattern STARTED_BY = Pattern.compile("[A-Za-z0-9_/-]{1,128}");
  private static final Pattern CONTAINER_INSTANCE = Pattern.compile("[A-Za-z0-9:/_.-]{1,1600}");

  /** Rejects malformed filter values before they can reach ECS. */
  public TaskQuery {
    // ECS's own default, sent explicitly: some ECS emulators list tasks of every status without it.
    // Not with startedBy, which ECS accepts only as the only filter ("cannot specify startedBy
    // with other arguments"), and which lists running tasks anyway.
    boolean onlyStartedBy = startedBy != null && !startedBy.isBlank();
    desiredStatus = desiredStatus == null && !onlyStartedBy ? DesiredStatus.RUNNING : desiredStatus;
    requireKnown("desiredStatus", desiredStatus, DesiredStatus.UNKNOWN_TO_SDK_VERSION);
    requireKnown("launchType", launchType, LaunchType.UNKNOWN_TO_SDK_VERSION);
    serviceName = check("serviceName", serviceName, NAME);
    family = check("family", family, NAME);
    startedBy = check("startedBy", startedBy, STARTED_BY);
    containerInstance = check("containerInstance", containerInstance, CONTAINER_INSTANCE);
  }

  /** Running tasks of the whole cluster. */
  public static final TaskQuery ALL_RUNNING = new TaskQuery(null, null, null, null, null, null);

  public static TaskQuery withDesiredStatus(DesiredStatus status) {
    return new TaskQuery(status, null, null, null, null, null);
  }

  void applyTo(ListTasksRequest.Builder request) {
    request
        .desiredStatus(desiredStatus)
        .serviceName(serviceName)
        .family(family)
        .startedBy(startedBy)
        .launchType(launchType)
        .containerInstance(containerInstance);
  }

  /** {@code fromValue} of an unknown value gives UNKNOWN_TO_SDK_VERSION, which sends no filter. */
  private static void requireKnown(String field, Enum<?> value, Enum<?> unknown) {
    if (value == unknown) {
      throw new InvalidReferenceException(
          field,
          String.valueOf(value),
          "The " + field + " filter holds a value ECS does not know.");
    }
  }

  private static String check(String field, String value, Pattern pattern) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      throw new InvalidReferenceException(
          field, value, "The " + field + " filter holds characters ECS does not allow.");
    }
    return value;
  }
}
