package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.UnknownTaskException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * StopTask and what follows, on a test clock: each lifecycle step, the replacement a service
 * starts, and ECS forgetting the stopped task an hour later.
 */
class DemoStopLifecycleTest {

  private static final String REASON = "Stopped by alice: requests stuck <b>since 10:02</b>";

  private final DemoFixture demo = new DemoFixture();

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void movesAStoppedTaskThroughEachStepWithTimestamps() {
    Task before = describe(firstTaskOf("checkout-api"));
    Instant stopAt = demo.clock.instant();

    Task answered =
        demo.client.stopTask(r -> r.cluster("prod-web").task(id(before)).reason(REASON)).task();

    assertThat(answered.desiredStatus()).isEqualTo("STOPPED");
    assertThat(answered.lastStatus()).isEqualTo("RUNNING");
    assertThat(answered.stoppedReason()).isEqualTo(REASON);
    assertThat(answered.stopCode()).isNull();
    assertThat(answered.tags()).isEmpty();
    assertThat(answered.version()).isEqualTo(before.version() + 1);
    assertThat(describe(answered).tags()).isEmpty();

    Task deactivating = after(Duration.ofMillis(500), answered);
    assertThat(deactivating.lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(deactivating.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
    assertThat(deactivating.version()).isEqualTo(before.version() + 2);

    Task stopping = after(Duration.ofMillis(500), answered);
    assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
    assertThat(stopping.stoppingAt()).isEqualTo(stopAt.plusSeconds(1));
    assertThat(stopping.executionStoppedAt()).isNull();

    Task deprovisioning = after(Duration.ofSeconds(2), answered);
    assertThat(deprovisioning.lastStatus()).isEqualTo("DEPROVISIONING");
    assertThat(deprovisioning.executionStoppedAt()).isEqualTo(stopAt.plusSeconds(3));
    assertThat(deprovisioning.containers())
        .allSatisfy(
            c -> {
              assertThat(c.lastStatus()).isEqualTo("STOPPED");
              assertThat(c.exitCode()).isEqualTo(143);
              assertThat(c.reason()).isNotBlank();
            });
    assertThat(deprovisioning.attachments())
        .extracting(Attachment::status)
        .containsOnly("DETACHING");

    Task stopped = after(Duration.ofSeconds(1), answered);
    assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedAt()).isEqualTo(stopAt.plusSeconds(4));
    assertThat(stopped.stoppingAt()).isEqualTo(stopAt.plusSeconds(1));
    assertThat(stopped.stoppedReason()).isEqualTo(REASON);
    assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
    assertThat(stopped.version()).isEqualTo(before.version() + 5);
    assertThat(stopped.attachments()).extracting(Attachment::status).containsOnly("DETACHED");
  }

  @Test
  void answersASecondStopWithTheTaskUnchanged() {
    String id = id(firstTaskOf("storefront-web"));
    Task first = demo.client.stopTask(r -> r.cluster("prod-web").task(id).reason(REASON)).task();

    Task whileStopping =
        demo.client.stopTask(r -> r.cluster("prod-web").task(id).reason("again")).task();
    demo.clock.advance(Duration.ofSeconds(10));
    Task stopped = DemoTestHooks.task(demo.ecs, id).orElseThrow();
    Task afterStopped = demo.template.stopTask(TaskRef.parse("prod-web", id), "once more");

    assertThat(whileStopping).isEqualTo(first);
    assertThat(afterStopped).isEqualTo(stopped);
    assertThat(afterStopped.stoppedReason()).isEqualTo(REASON);
    assertThat(demo.http.stopTaskCalls())
        .extracting(StopTaskCall::taskId, StopTaskCall::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(id, REASON),
            org.assertj.core.groups.Tuple.tuple(id, "again"),
            org.assertj.core.groups.Tuple.tuple(id, "once more"));
  }

  @Test
  void startsAReplacementOnceAServiceTaskHasStopped() {
    Task victim = describe(firstTaskOf("checkout-api"));
    demo.client.stopTask(r -> r.cluster("prod-web").task(victim.taskArn()));
    assertThat(runningCount()).as("still RUNNING right after the call").isEqualTo(130);
    demo.clock.advance(Duration.ofMillis(500));
    assertThat(runningCount()).isEqualTo(129);

    demo.clock.advance(Duration.ofMillis(3500));
    List<Task> service = serviceTasks("checkout-api");
    Task replacement =
        service.stream()
            .filter(t -> t.lastStatus().equals("PROVISIONING"))
            .findFirst()
            .orElseThrow();

    assertThat(service).hasSize(40);
    assertThat(replacement.taskArn()).isNotEqualTo(victim.taskArn());
    assertThat(replacement.group()).isEqualTo("service:checkout-api");
    assertThat(replacement.startedBy()).isEqualTo(victim.startedBy());
    assertThat(replacement.taskDefinitionArn()).isEqualTo(victim.taskDefinitionArn());
    assertThat(replacement.version()).isEqualTo(1);
    assertThat(replacement.createdAt()).isEqualTo(demo.clock.instant());
    assertThat(replacement.tags()).isNotEmpty();
    assertThat(demo.template.describeClusters(List.of("prod-web")).get(0).pendingTasksCount())
        .isEqualTo(1);

    demo.clock.advance(Duration.ofSeconds(1));
    Task pending = describe(replacement);
    assertThat(pending.lastStatus()).isEqualTo("PENDING");
    assertThat(pending.pullStartedAt()).isEqualTo(demo.clock.instant());

    demo.clock.advance(Duration.ofSeconds(2));
    Task running = describe(replacement);
    assertThat(running.lastStatus()).isEqualTo("RUNNING");
    assertThat(running.startedAt()).isEqualTo(demo.clock.instant());
    assertThat(running.version()).isEqualTo(3);
    assertThat(running.containers())
        .allSatisfy(
            c -> {
              assertThat(c.lastStatus()).isEqualTo("RUNNING");
              assertThat(c.runtimeId()).isNotBlank();
              assertThat(c.taskArn()).isEqualTo(running.taskArn());
            });
    assertThat(runningCount()).isEqualTo(130);
  }

  @Test
  void leavesStandaloneTasksStopped() {
    Task task = describe(firstTaskOf("db-migrate", "family"));
    demo.client.stopTask(r -> r.cluster("prod-web").task(task.taskArn()));
    demo.clock.advance(Duration.ofMinutes(1));

    assertThat(demo.client.listTasks(r -> r.cluster("prod-web").family("db-migrate")).taskArns())
        .hasSize(1)
        .doesNotContain(task.taskArn());
    assertThat(describe(task).stoppedReason()).isEqualTo("Task stopped by user");
  }

  @Test
  void forgetsAStoppedTaskAnHourAfterItStopped() {
    String id = id(firstTaskOf("search-api"));
    demo.client.stopTask(r -> r.cluster("prod-web").task(id));
    demo.clock.advance(Duration.ofSeconds(4).plusMinutes(59));
    assertThat(DemoTestHooks.task(demo.ecs, id)).isPresent();

    demo.clock.advance(Duration.ofMinutes(1));

    assertThat(DemoTestHooks.task(demo.ecs, id)).isEmpty();
    assertThat(demo.client.describeTasks(r -> r.cluster("prod-web").tasks(id)).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    assertThatThrownBy(() -> demo.client.stopTask(r -> r.cluster("prod-web").task(id)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("The referenced task was not found.");
    assertThatThrownBy(() -> demo.template.stopTask(TaskRef.parse("prod-web", id), "gone"))
        .isInstanceOf(UnknownTaskException.class);
  }

  @Test
  void forgetsTheSeededStoppedTasksWithinTheHour() {
    int stopped =
        demo.client
            .listTasks(r -> r.cluster("prod-web").desiredStatus("STOPPED"))
            .taskArns()
            .size();
    demo.clock.advance(Duration.ofHours(1));

    assertThat(stopped).isEqualTo(6);
    assertThat(
            demo.client.listTasks(r -> r.cluster("prod-web").desiredStatus("STOPPED")).taskArns())
        .isEmpty();
  }

  @Test
  void rejectsAReasonLongerThan255Characters() {
    String id = id(firstTaskOf("cart-service"));
    String reason = "x".repeat(256);

    assertThatThrownBy(
            () -> demo.client.stopTask(r -> r.cluster("prod-web").task(id).reason(reason)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> demo.template.stopTask(TaskRef.parse("prod-web", id), reason))
        .isInstanceOf(EcsInvalidParameterException.class);
    assertThat(DemoTestHooks.task(demo.ecs, id).orElseThrow().desiredStatus()).isEqualTo("RUNNING");
    assertThat(
            demo.client
                .stopTask(r -> r.cluster("prod-web").task(id).reason("y".repeat(255)))
                .task()
                .stoppedReason())
        .hasSize(255);
  }

  private Task after(Duration step, Task task) {
    demo.clock.advance(step);
    return describe(task);
  }

  private Task describe(Task task) {
    return describe(task.taskArn());
  }

  private Task describe(String taskArn) {
    return demo.client
        .describeTasks(r -> r.cluster("prod-web").tasks(taskArn).include(TaskField.TAGS))
        .tasks()
        .get(0);
  }

  private String firstTaskOf(String service) {
    return firstTaskOf(service, "service");
  }

  private String firstTaskOf(String name, String kind) {
    return demo.client
        .listTasks(
            r -> {
              r.cluster("prod-web").maxResults(1);
              if (kind.equals("service")) {
                r.serviceName(name);
              } else {
                r.family(name);
              }
            })
        .taskArns()
        .get(0);
  }

  private List<Task> serviceTasks(String service) {
    List<String> arns =
        demo.client.listTasks(r -> r.cluster("prod-web").serviceName(service)).taskArns();
    return demo.client
        .describeTasks(r -> r.cluster("prod-web").tasks(arns).include(TaskField.TAGS))
        .tasks();
  }

  private int runningCount() {
    return demo.template.describeClusters(List.of("prod-web")).get(0).runningTasksCount();
  }

  private static String id(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private static String id(Task task) {
    return id(task.taskArn());
  }
}
