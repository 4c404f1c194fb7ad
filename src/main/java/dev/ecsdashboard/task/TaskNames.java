package dev.ecsdashboard.task;

/**
 * The short names operators read inside ECS's ARNs and groups: the task ID, the cluster name, the
 * task definition's {@code family:revision}, the service of a {@code service:NAME} group.
 */
final class TaskNames {

  private static final String SERVICE_GROUP = "service:";

  private TaskNames() {}

  /** The last part of an ARN's resource: the task ID of a task ARN in either format. */
  static String lastPart(String arn) {
    if (arn == null) {
      return null;
    }
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** {@code family:revision} of a task definition ARN. */
  static String taskDefinition(String taskDefinitionArn) {
    return lastPart(taskDefinitionArn);
  }

  /** The service a task belongs to, or null when its group is not a service's. */
  static String service(String group) {
    return group != null && group.startsWith(SERVICE_GROUP)
        ? group.substring(SERVICE_GROUP.length())
        : null;
  }

  /** The first 8 characters of a task ID, as operators quote it. */
  static String shortId(String id) {
    return id == null || id.length() <= 8 ? id : id.substring(0, 8);
  }
}
