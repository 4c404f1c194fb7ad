package dev.ecsdashboard.demo;

import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The ListTasks filters, checked as ECS checks them: {@code startedBy} must be the only filter (the
 * model says so, and ECS answers "cannot specify startedBy with other arguments"), {@code
 * serviceName} does not combine with {@code family} or {@code containerInstance}, an unknown
 * service is a ServiceNotFoundException, and enum values must be known ones. Desired status
 * defaults to RUNNING; PENDING matches nothing, since ECS never sets it as a desired status.
 */
final class DemoTaskFilter {

  private static final Set<String> DESIRED_STATUSES = Set.of("RUNNING", "PENDING", "STOPPED");
  private static final Set<String> LAUNCH_TYPES =
      Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");

  private DemoTaskFilter() {}

  /**
   * @throws DemoEcsError InvalidParameterException for a combination or value ECS rejects,
   *     ServiceNotFoundException for a service the cluster does not have
   */
  static Predicate<Task> of(ListTasksRequest request, DemoCluster cluster) {
    String desired = request.desiredStatusAsString();
    String launchType = request.launchTypeAsString();
    if (desired != null && !DESIRED_STATUSES.contains(desired)) {
      throw DemoEcsError.invalidParameter("Invalid desiredStatus: " + desired);
    }
    if (launchType != null && !LAUNCH_TYPES.contains(launchType)) {
      throw DemoEcsError.invalidParameter("Invalid launchType: " + launchType);
    }
    if (request.startedBy() != null
        && (desired != null
            || launchType != null
            || request.family() != null
            || request.serviceName() != null
            || request.containerInstance() != null
            || request.daemonName() != null)) {
      throw DemoEcsError.invalidParameter("cannot specify startedBy with other arguments");
    }
    if (request.serviceName() != null
        && (request.family() != null || request.containerInstance() != null)) {
      throw DemoEcsError.invalidParameter("cannot specify serviceName with other arguments");
    }
    if (request.serviceName() != null && !cluster.services().contains(request.serviceName())) {
      throw DemoEcsError.serviceNotFound();
    }
    String desiredStatus = desired == null ? "RUNNING" : desired;
    Predicate<Task> filter = t -> desiredStatus.equals(t.desiredStatus());
    if (launchType != null) {
      filter = filter.and(t -> launchType.equals(t.launchTypeAsString()));
    }
    if (request.startedBy() != null) {
      filter = filter.and(t -> request.startedBy().equals(t.startedBy()));
    }
    if (request.serviceName() != null) {
      filter = filter.and(t -> ("service:" + request.serviceName()).equals(t.group()));
    }
    if (request.daemonName() != null) {
      filter = filter.and(t -> ("daemon:" + request.daemonName()).equals(t.group()));
    }
    if (request.family() != null) {
      filter = filter.and(t -> request.family().equals(family(t)));
    }
    if (request.containerInstance() != null) {
      String instanceId = DemoAccount.lastSegment(request.containerInstance());
      filter =
          filter.and(
              t ->
                  t.containerInstanceArn() != null
                      && instanceId.equals(DemoAccount.lastSegment(t.containerInstanceArn())));
    }
    return filter;
  }

  /** The family of {@code arn:...:task-definition/FAMILY:REVISION}. */
  static String family(Task task) {
    String definition = DemoAccount.lastSegment(task.taskDefinitionArn());
    int colon = definition.lastIndexOf(':');
    return colon < 0 ? definition : definition.substring(0, colon);
  }
}
