package dev.ecsdashboard.ecs;

import static dev.ecsdashboard.support.MotoEcs.tag;
import static dev.ecsdashboard.support.MotoEcs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.ecsdashboard.ecs.MotoAwsModeConfiguration.EcsCallRecorder;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServer;
import dev.ecsdashboard.support.MotoServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Stopping tasks in aws mode against moto_server, over the real wire. Where moto answers
 * differently from ECS, the test asserts what the dashboard does and says what ECS would do.
 */
@ExtendWith(MotoServerExtension.class)
@SpringBootTest(classes = MotoAwsModeConfiguration.class, webEnvironment = WebEnvironment.NONE)
class EcsTemplateStopMotoIT {

  static final String REASON = "Stopped by alice via ECS Dashboard: stuck deployment";

  static MotoServer moto;
  static MotoEcs fixtures;
  static String taskDefinition;

  @Autowired EcsOperations ecs;
  @Autowired EcsCallRecorder recorder;

  String cluster;

  @BeforeAll
  static void registerTaskDefinition(MotoServer server) {
    moto = server;
    fixtures = server.ecs();
    taskDefinition = fixtures.registerTaskDefinition(uniqueName("stoppable"));
  }

  @DynamicPropertySource
  static void awsModeOnMoto(DynamicPropertyRegistry registry) {
    MotoServer.registerDashboardProperties(registry, () -> moto);
  }

  @BeforeEach
  void createCluster() {
    recorder.clear();
    cluster = uniqueName("stop");
    fixtures.createCluster(cluster);
  }

  @Test
  void stopsATaskAndKeepsTheReasonAsStoppedReason() {
    Task started =
        fixtures.runTasks(cluster, taskDefinition, 1, r -> r.tags(tag("team", "payments"))).get(0);
    TaskRef task = TaskRef.parse(cluster, TaskRef.parse(null, started.taskArn()).id());

    Task answer = ecs.stopTask(task, REASON);

    assertThat(answer.taskArn()).isEqualTo(started.taskArn());
    assertThat(answer.desiredStatus()).isEqualTo("STOPPED");
    Task stopped =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ecs.describeTask(task), t -> "STOPPED".equals(t.lastStatus()));
    assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
    assertThat(stopped.stoppedReason()).isEqualTo(REASON);
    // ECS deletes every tag of a stopped task; moto keeps them, and the dashboard shows them.
    assertThat(stopped.tags()).containsExactly(tag("team", "payments"));
    // ECS sets stopCode UserInitiated and the stoppingAt/stoppedAt timestamps; moto sets none.
    assertThat(stopped.stopCode()).isNull();
    assertThat(stopped.stoppedAt()).isNull();
  }

  @Test
  void listsAStoppedTaskAmongStoppedTasksOnly() {
    List<Task> started = fixtures.runTasks(cluster, taskDefinition, 3);
    String stopped = started.get(0).taskArn();

    ecs.stopTask(TaskRef.parse(null, stopped), REASON);

    assertThat(ecs.listTasks(ClusterRef.of(cluster), TaskQuery.ALL_RUNNING, null, 100).taskArns())
        .hasSize(2)
        .doesNotContain(stopped);
    assertThat(
            ecs.listTasks(
                    ClusterRef.of(cluster),
                    TaskQuery.withDesiredStatus(DesiredStatus.STOPPED),
                    null,
                    100)
                .taskArns())
        .containsExactly(stopped);
  }

  @Test
  void stoppingAStoppedTaskAgainIsNotAnError() {
    TaskRef task =
        TaskRef.parse(null, fixtures.runTasks(cluster, taskDefinition, 1).get(0).taskArn());
    ecs.stopTask(task, REASON);

    Task again = ecs.stopTask(task, "second attempt");

    assertThat(again.desiredStatus()).isEqualTo("STOPPED");
  }

  @Test
  void stoppingATaskMotoDoesNotKnowEndsAsEcsUnavailable() {
    fixtures.runTasks(cluster, taskDefinition, 1);
    TaskRef unknown = TaskRef.parse(cluster, "0123456789abcdef0123456789abcdef");

    EcsCallException exception =
        catchThrowableOfType(EcsCallException.class, () -> ecs.stopTask(unknown, REASON));

    // ECS answers InvalidParameterException "The referenced task was not found.", which the
    // dashboard reports as UnknownTaskException. moto crashes with an HTML 500 page that has no
    // error code, which the SDK retries and the dashboard can only report as ECS unavailable.
    assertThat(exception).isInstanceOf(EcsUnavailableException.class);
    assertThat(exception.operation()).isEqualTo("StopTask");
    assertThat(exception.errorCode()).isNull();
    assertThat(recorder.attempts("StopTask")).isEqualTo(4);
  }
}
