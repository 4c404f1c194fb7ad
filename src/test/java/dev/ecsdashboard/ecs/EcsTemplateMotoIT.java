package dev.ecsdashboard.ecs;

import static dev.ecsdashboard.support.MotoEcs.tag;
import static dev.ecsdashboard.support.MotoEcs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import dev.ecsdashboard.ecs.MotoAwsModeConfiguration.EcsCallRecorder;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServer;
import dev.ecsdashboard.support.MotoServerExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's reading operations in aws mode against moto_server, over the real wire. Where
 * moto answers differently from ECS, the test asserts what the dashboard does and says what ECS
 * would do.
 */
@ExtendWith(MotoServerExtension.class)
@SpringBootTest(classes = MotoAwsModeConfiguration.class, webEnvironment = WebEnvironment.NONE)
class EcsTemplateMotoIT {

  static MotoServer moto;
  static MotoEcs fixtures;
  static String taskDefinition;

  @Autowired EcsOperations ecs;
  @Autowired EcsCallRecorder recorder;
  @Autowired ArnScope scope;

  @BeforeAll
  static void registerTaskDefinition(MotoServer server) {
    moto = server;
    fixtures = server.ecs();
    taskDefinition = fixtures.registerTaskDefinition(uniqueName("web"));
  }

  @DynamicPropertySource
  static void awsModeOnMoto(DynamicPropertyRegistry registry) {
    MotoServer.registerDashboardProperties(registry, () -> moto);
  }

  @BeforeEach
  void clearRecordedCalls() {
    recorder.clear();
  }

  @Test
  void listsTheClustersOfTheAccountAndLearnsTheAccount() {
    String first = fixtures.createCluster(uniqueName("list"));
    String second = fixtures.createCluster(uniqueName("list"));

    assertThat(ecs.listClusterArns()).contains(first, second);
    assertThat(scope.account()).contains(MotoServer.ACCOUNT);
  }

  @Test
  void describesClustersInTheOrderGivenAndLeavesOutUnknownOnes() {
    String name = uniqueName("described");
    String arn = fixtures.createCluster(name);
    String other = fixtures.createCluster(uniqueName("described"));

    List<Cluster> clusters = ecs.describeClusters(List.of(other, "no-such-cluster", name));

    assertThat(clusters).extracting(Cluster::clusterArn).containsExactly(other, arn);
    assertThat(clusters).extracting(Cluster::status).containsOnly("ACTIVE");
  }

  @Test
  void listsMoreThanOneHundredTasksAndDescribesThemInBatches() {
    String cluster = uniqueName("many");
    fixtures.createCluster(cluster);
    List<String> started =
        fixtures.runTasks(cluster, taskDefinition, 150).stream().map(Task::taskArn).toList();

    List<String> listed = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      TaskArnPage page = ecs.listTasks(ClusterRef.of(cluster), TaskQuery.ALL_RUNNING, token, 100);
      listed.addAll(page.taskArns());
      token = page.nextToken();
      pages++;
    } while (token != null);
    DescribedTasks described = ecs.describeTasks(ClusterRef.of(cluster), listed);

    assertThat(listed).containsExactlyInAnyOrderElementsOf(started);
    // ECS answers 100 ARNs and a nextToken, then the other 50: two pages. moto ignores
    // maxResults and answers all 150 at once without a token; the dashboard takes what comes.
    assertThat(pages).isEqualTo(1);
    assertThat(recorder.requests(ListTasksRequest.class))
        .extracting(ListTasksRequest::maxResults)
        .containsOnly(100);
    assertThat(described.tasks()).extracting(Task::taskArn).containsExactlyElementsOf(listed);
    assertThat(recorder.requests(DescribeTasksRequest.class))
        .extracting(r -> r.tasks().size())
        .containsExactly(100, 50);
  }

  @Test
  void filtersTasksByStartedByAndByFamily() {
    String cluster = uniqueName("filtered");
    fixtures.createCluster(cluster);
    String otherFamily = fixtures.registerTaskDefinition(uniqueName("worker"));
    List<Task> alices = fixtures.runTasks(cluster, taskDefinition, 3, r -> r.startedBy("alice"));
    fixtures.runTasks(cluster, taskDefinition, 2, r -> r.startedBy("bob"));
    List<Task> workers = fixtures.runTasks(cluster, otherFamily, 2);

    TaskArnPage byAlice = ecs.listTasks(ClusterRef.of(cluster), query(null, "alice"), null, 100);
    TaskArnPage byFamily =
        ecs.listTasks(ClusterRef.of(cluster), query(family(otherFamily), null), null, 100);

    assertThat(byAlice.taskArns())
        .containsExactlyInAnyOrderElementsOf(alices.stream().map(Task::taskArn).toList());
    assertThat(byFamily.taskArns())
        .containsExactlyInAnyOrderElementsOf(workers.stream().map(Task::taskArn).toList());
  }

  @Test
  void describesTasksWithTheirTagsByIdOrArn() {
    String cluster = uniqueName("tagged");
    fixtures.createCluster(cluster);
    Task started =
        fixtures
            .runTasks(
                cluster,
                taskDefinition,
                1,
                r -> r.startedBy("alice").tags(tag("team", "payments"), tag("env", "test")))
            .get(0);
    String id = TaskRef.parse(null, started.taskArn()).id();

    Task byId = ecs.describeTask(TaskRef.parse(cluster, id));
    Task byArn = ecs.describeTask(TaskRef.parse(null, started.taskArn()));

    assertThat(byId).isEqualTo(byArn);
    assertThat(byId.taskArn()).isEqualTo(started.taskArn());
    assertThat(byId.lastStatus()).isEqualTo("RUNNING");
    assertThat(byId.desiredStatus()).isEqualTo("RUNNING");
    assertThat(byId.startedBy()).isEqualTo("alice");
    assertThat(byId.group()).isEqualTo("family:" + family(taskDefinition));
    assertThat(byId.tags()).containsExactlyInAnyOrder(tag("team", "payments"), tag("env", "test"));
    assertThat(recorder.requests(DescribeTasksRequest.class))
        .allSatisfy(r -> assertThat(r.include()).containsExactly(TaskField.TAGS));
  }

  @Test
  void describesTheTasksOfAServiceWithTheirGroupAndDeployment() {
    String cluster = uniqueName("service");
    fixtures.createCluster(cluster);
    List<Task> started = fixtures.runServiceTasks(cluster, "checkout", taskDefinition, 2);

    Task described = ecs.describeTask(TaskRef.parse(null, started.get(0).taskArn()));

    assertThat(described.group()).isEqualTo("service:checkout");
    assertThat(described.startedBy()).startsWith("ecs-svc/");
  }

  @Test
  void reportsATaskMotoDoesNotKnowAsUnknown() {
    String cluster = uniqueName("unknown-task");
    fixtures.createCluster(cluster);
    fixtures.runTasks(cluster, taskDefinition, 1);
    String unknown = "0123456789abcdef0123456789abcdef";

    DescribedTasks described = ecs.describeTasks(ClusterRef.of(cluster), List.of(unknown));
    UnknownTaskException exception =
        catchThrowableOfType(
            UnknownTaskException.class, () -> ecs.describeTask(TaskRef.parse(cluster, unknown)));

    // ECS lists the task among the failures with reason MISSING; moto leaves it out silently.
    assertThat(described.tasks()).isEmpty();
    assertThat(described.failures()).isEmpty();
    // Either way the dashboard reports the task as unknown, with ECS's reason code.
    assertThat(exception.errorCode()).isEqualTo("MISSING");
    assertThat(exception.task()).isEqualTo(unknown);
    assertThat(exception.cluster()).isEqualTo(cluster);
  }

  @Test
  void aTaskOfOneClusterAskedForUnderAnotherIsNotFound() {
    String home = uniqueName("home");
    String other = uniqueName("other");
    fixtures.createCluster(home);
    fixtures.createCluster(other);
    Task started = fixtures.runTasks(home, taskDefinition, 1).get(0);
    String id = TaskRef.parse(null, started.taskArn()).id();
    HttpResponse<String> raw =
        moto.ecsCall(
            "DescribeTasks", "{\"cluster\": \"" + other + "\", \"tasks\": [\"" + id + "\"]}");

    DescribedTasks described = ecs.describeTasks(ClusterRef.of(other), List.of(id));
    UnknownTaskException unknown =
        catchThrowableOfType(
            UnknownTaskException.class, () -> ecs.describeTask(TaskRef.parse(other, id)));

    // ECS answers a task of another cluster as MISSING; moto finds it in any cluster and answers
    // it. The dashboard must not show it, or let a stop go on, under a cluster it does not belong
    // to.
    assertThat(raw.body()).contains(started.taskArn());
    assertThat(described.tasks()).isEmpty();
    assertThat(described.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.arn()).isEqualTo(started.taskArn());
              assertThat(failure.reason()).isEqualTo("MISSING");
            });
    assertThat(unknown.errorCode()).isEqualTo("MISSING");
    assertThat(unknown.cluster()).isEqualTo(other);
    assertThat(ecs.describeTask(TaskRef.parse(home, id)).taskArn()).isEqualTo(started.taskArn());
  }

  @Test
  void reportsAClusterMotoDoesNotKnowAsUnknownForEveryOperation() {
    ClusterRef missing = ClusterRef.of(uniqueName("missing"));
    TaskRef task = TaskRef.parse(missing.name(), "0123456789abcdef0123456789abcdef");

    List<UnknownClusterException> exceptions =
        List.of(
            catchThrowableOfType(
                UnknownClusterException.class,
                () -> ecs.listTasks(missing, TaskQuery.ALL_RUNNING, null, 100)),
            catchThrowableOfType(UnknownClusterException.class, () -> ecs.describeTask(task)),
            catchThrowableOfType(
                UnknownClusterException.class, () -> ecs.stopTask(task, "reason")));

    assertThat(exceptions)
        .extracting(EcsCallException::operation)
        .containsExactly("ListTasks", "DescribeTasks", "StopTask");
    assertThat(exceptions)
        .allSatisfy(
            e -> {
              assertThat(e.errorCode()).isEqualTo("ClusterNotFoundException");
              assertThat(e.cluster()).isEqualTo(missing.name());
            });
  }

  @Test
  void rejectsATaskArnOfAnotherRegionWithoutCallingMoto() {
    TaskRef elsewhere =
        TaskRef.parse(
            null, "arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef");

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> ecs.describeTask(elsewhere));
    assertThat(recorder.requests(DescribeTasksRequest.class)).isEmpty();
  }

  @Test
  void readsMotosNumbersWhereEcsSendsStringsAsTheSdkDoes() {
    String cluster = uniqueName("wire");
    fixtures.createCluster(cluster);
    Task started = fixtures.runTasks(cluster, taskDefinition, 1).get(0);
    HttpResponse<String> raw =
        moto.ecsCall(
            "DescribeTasks",
            "{\"cluster\": \""
                + cluster
                + "\", \"tasks\": [\""
                + started.taskArn()
                + "\"], \"include\": [\"TAGS\"]}");
    JsonNode document = JsonMapper.builder().build().readTree(raw.body()).get("tasks").get(0);

    Task read = WireJson.fromJson(document, Task::builder);
    Task viaSdk = ecs.describeTask(TaskRef.parse(null, started.taskArn()));

    // ECS sends container cpu and memory as strings ("128"); moto sends JSON numbers.
    assertThat(document.get("containers").get(0).get("cpu").isNumber()).isTrue();
    assertThat(read.containers().get(0).cpu()).isEqualTo("128");
    assertThat(read.containers().get(0).memory()).isEqualTo("256");
    assertThat(WireJson.toJson(read)).isEqualTo(WireJson.toJson(viaSdk));
    assertThat(WireJson.toJson(read).get("containers").get(0).get("cpu").isString()).isTrue();
  }

  static TaskQuery query(String family, String startedBy) {
    return new TaskQuery(null, null, family, startedBy, null, null);
  }

  /** The family of a task definition ARN: {@code ...:task-definition/FAMILY:REVISION}. */
  static String family(String taskDefinitionArn) {
    String familyAndRevision = taskDefinitionArn.substring(taskDefinitionArn.indexOf('/') + 1);
    return familyAndRevision.substring(0, familyAndRevision.indexOf(':'));
  }
}
