package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * The hooks other tests use to plant tasks: what is put comes back through the SDK exactly, hostile
 * text included, and replaces the task of the same ID.
 */
class DemoTestHooksTest {

  private static final String SCRIPT = "<script>alert('x')</script>\"&amp;\u2028";

  private final DemoFixture demo = new DemoFixture();

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void returnsAPlantedTaskThroughTheSdkExactlyAsPut() {
    int tasksBefore = demo.ecs.tasks("prod-web").size();
    Task seeded = demo.ecs.tasks("prod-web").get(0);
    String id = seeded.taskArn().substring(seeded.taskArn().lastIndexOf('/') + 1);
    Task hostile =
        seeded.toBuilder()
            .group("service:" + SCRIPT)
            .stoppedReason(SCRIPT)
            .tags(Tag.builder().key(SCRIPT).value(SCRIPT).build())
            .containers(seeded.containers().get(0).toBuilder().name(SCRIPT).build())
            .overrides(
                TaskOverride.builder()
                    .containerOverrides(
                        ContainerOverride.builder()
                            .name(SCRIPT)
                            .environment(
                                KeyValuePair.builder().name("PASSWORD").value(SCRIPT).build())
                            .build())
                    .build())
            .build();

    DemoTestHooks.putTask(demo.ecs, "prod-web", hostile);

    Task described =
        demo.client
            .describeTasks(r -> r.cluster("prod-web").tasks(id).include(TaskField.TAGS))
            .tasks()
            .get(0);
    assertThat(described).isEqualTo(hostile);
    assertThat(DemoTestHooks.task(demo.ecs, id)).contains(hostile);
    assertThat(demo.ecs.tasks("prod-web")).hasSize(tasksBefore);
  }

  @Test
  void createsTheClusterOfAPlantedTaskAndForgetsItAnHourAfterItStopped() {
    String arn = demo.ecs.taskArn("xss-<b>", "00000000000000000000000000000001");
    Task stopped =
        Task.builder()
            .taskArn(arn)
            .lastStatus("STOPPED")
            .desiredStatus("STOPPED")
            .group("family:probe")
            .stoppedAt(demo.clock.instant())
            .build();

    DemoTestHooks.putTask(demo.ecs, "lab", stopped);

    assertThat(demo.ecs.clusterNames()).contains("lab");
    assertThat(demo.client.listTasks(r -> r.cluster("lab").desiredStatus("STOPPED")).taskArns())
        .containsExactly(arn);
    demo.clock.advance(Duration.ofHours(1));
    assertThat(DemoTestHooks.task(demo.ecs, "00000000000000000000000000000001")).isEmpty();
  }
}
