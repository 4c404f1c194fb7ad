package dev.ecsdashboard.demo;

import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One simulated task: its current state, and the task as it was created, which the service
 * scheduler copies when it starts a replacement. Guarded by the simulation's lock.
 */
final class DemoTask {

  private final String id;
  private final Task template;
  private Task current;

  DemoTask(Task task) {
    this(task, task);
  }

  /** A task that copies another's {@code template}, as a service's replacement does. */
  DemoTask(Task task, Task template) {
    this.id = DemoAccount.lastSegment(task.taskArn());
    this.template = template;
    this.current = task;
  }

  String id() {
    return id;
  }

  Task current() {
    return current;
  }

  Task template() {
    return template;
  }

  void update(UnaryOperator<Task> change) {
    current = change.apply(current);
  }

  /** The service this task belongs to, or null for a standalone task. */
  String service() {
    String group = current.group();
    return group != null && group.startsWith("service:") ? group.substring(8) : null;
  }

  boolean is(String lastStatus) {
    return lastStatus.equals(current.lastStatus());
  }
}
