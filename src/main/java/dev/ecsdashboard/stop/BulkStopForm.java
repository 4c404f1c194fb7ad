package dev.ecsdashboard.stop;

import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * The bulk stop form: the selected tasks, or "all tasks matching this filter" with the filter of
 * the tasks page, one reason for all, and (for all matching) the cluster name typed again.
 */
public class BulkStopForm {

  private List<String> task = new ArrayList<>();
  private boolean all;
  private String desiredStatus;
  private String serviceName;
  private String family;
  private String startedBy;
  private String launchType;
  @StopReason private String reason;
  private String confirmCluster;

  /** The tasks page's filter, as ListTasks takes it. */
  public TaskQuery query() {
    return new TaskQuery(
        known("desiredStatus", desiredStatus, DesiredStatus.fromValue(desiredStatus)),
        serviceName,
        family,
        startedBy,
        known("launchType", launchType, LaunchType.fromValue(launchType)),
        null);
  }

  /** An enum value ECS knows, null for none; anything else is refused before ECS is called. */
  private static <E extends Enum<E>> E known(String field, String value, E parsed) {
    if (blank(value)) {
      return null;
    }
    if (parsed == null || "UNKNOWN_TO_SDK_VERSION".equals(parsed.name())) {
      throw new InvalidReferenceException(field, value, "ECS has no " + field + " " + value + ".");
    }
    return parsed;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  public List<String> getTask() {
    return task;
  }

  public void setTask(List<String> task) {
    this.task = task == null ? new ArrayList<>() : task;
  }

  public boolean isAll() {
    return all;
  }

  public void setAll(boolean all) {
    this.all = all;
  }

  public String getDesiredStatus() {
    return desiredStatus;
  }

  public void setDesiredStatus(String desiredStatus) {
    this.desiredStatus = desiredStatus;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  public String getFamily() {
    return family;
  }

  public void setFamily(String family) {
    this.family = family;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public void setStartedBy(String startedBy) {
    this.startedBy = startedBy;
  }

  public String getLaunchType() {
    return launchType;
  }

  public void setLaunchType(String launchType) {
    this.launchType = launchType;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getConfirmCluster() {
    return confirmCluster;
  }

  public void setConfirmCluster(String confirmCluster) {
    this.confirmCluster = confirmCluster;
  }
}
