package dev.ecsdashboard.ecs;

import static dev.ecsdashboard.ecs.EcsClientMocks.mockEcsClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;

import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/** {@link EcsTemplate}'s paging, batching and requests, against a mocked {@link EcsClient}. */
class EcsTemplateTest {

  static final String ACCOUNT = "123456789012";
  static final String TASK_ID = "666fdccc2e2d4b6894dd422f4eeee8f8";

  final EcsClient client = mockEcsClient();
  final ArnScope scope = new ArnScope("us-east-1", null);
  final EcsTemplate template = new EcsTemplate(client, scope);

  @Test
  void listsClusterArnsAcrossPagesAndLearnsTheAccount() {
    given(client.listClusters(any(ListClustersRequest.class)))
        .willReturn(
            ListClustersResponse.builder()
                .clusterArns(clusterArn("a"), clusterArn("b"))
                .nextToken("page-2")
                .build(),
            ListClustersResponse.builder().clusterArns(clusterArn("c")).build());

    List<String> arns = template.listClusterArns();

    assertThat(arns).containsExactly(clusterArn("a"), clusterArn("b"), clusterArn("c"));
    ArgumentCaptor<ListClustersRequest> requests =
        ArgumentCaptor.forClass(ListClustersRequest.class);
    then(client).should(times(2)).listClusters(requests.capture());
    assertThat(requests.getAllValues())
        .extracting(ListClustersRequest::nextToken, ListClustersRequest::maxResults)
        .containsExactly(tuple(null, 100), tuple("page-2", 100));
    assertThat(scope.account()).contains(ACCOUNT);
  }

  @Test
  void describesClustersInBatchesOfAtMostOneHundredInTheOrderGiven() {
    List<String> names = IntStream.range(0, 250).mapToObj(i -> "cluster-" + i).toList();
    given(client.describeClusters(any(DescribeClustersRequest.class)))
        .willAnswer(
            invocation -> {
              DescribeClustersRequest request = invocation.getArgument(0);
              return DescribeClustersResponse.builder()
                  .clusters(
                      request.clusters().stream()
                          .map(name -> Cluster.builder().clusterName(name).build())
                          .toList())
                  .build();
            });

    List<Cluster> clusters = template.describeClusters(names);

    assertThat(clusters).extracting(Cluster::clusterName).containsExactlyElementsOf(names);
    ArgumentCaptor<DescribeClustersRequest> requests =
        ArgumentCaptor.forClass(DescribeClustersRequest.class);
    then(client).should(times(3)).describeClusters(requests.capture());
    assertThat(requests.getAllValues())
        .extracting(r -> r.clusters().size())
        .containsExactly(100, 100, 50);
    assertThat(requests.getValue().includeAsStrings()).containsExactly("STATISTICS", "TAGS");
  }

  @Test
  void describesNoClustersWithoutCallingEcs() {
    assertThat(template.describeClusters(List.of())).isEmpty();

    then(client).shouldHaveNoInteractions();
  }

  @Test
  void listTasksPassesEveryFilterAndThePageParameters() {
    given(client.listTasks(any(ListTasksRequest.class)))
        .willReturn(
            ListTasksResponse.builder()
                .taskArns(taskArn("prod", TASK_ID))
                .nextToken("next")
                .build());
    TaskQuery query =
        new TaskQuery(
            DesiredStatus.STOPPED,
            "web",
            "web-family",
            "alice",
            LaunchType.FARGATE,
            "765936fadbdd46b5991a4bd70c2a43d4");

    TaskArnPage page = template.listTasks(ClusterRef.of("prod"), query, "token-1", 25);

    assertThat(page.taskArns()).containsExactly(taskArn("prod", TASK_ID));
    assertThat(page.nextToken()).isEqualTo("next");
    ArgumentCaptor<ListTasksRequest> request = ArgumentCaptor.forClass(ListTasksRequest.class);
    then(client).should().listTasks(request.capture());
    assertThat(request.getValue())
        .returns("prod", ListTasksRequest::cluster)
        .returns(DesiredStatus.STOPPED, ListTasksRequest::desiredStatus)
        .returns("web", ListTasksRequest::serviceName)
        .returns("web-family", ListTasksRequest::family)
        .returns("alice", ListTasksRequest::startedBy)
        .returns(LaunchType.FARGATE, ListTasksRequest::launchType)
        .returns("765936fadbdd46b5991a4bd70c2a43d4", ListTasksRequest::containerInstance)
        .returns("token-1", ListTasksRequest::nextToken)
        .returns(25, ListTasksRequest::maxResults);
  }

  @Test
  void rejectsPageSizesEcsDoesNotAllowWithoutCallingEcs() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> template.listTasks(ClusterRef.of("prod"), TaskQuery.ALL_RUNNING, null, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> template.listTasks(ClusterRef.of("prod"), TaskQuery.ALL_RUNNING, null, 101));

    then(client).shouldHaveNoInteractions();
  }

  @Test
  void describesTasksInBatchesOfAtMostOneHundredWithTagsAndCollectsFailures() {
    List<String> ids = IntStream.range(0, 150).mapToObj(i -> String.format("%032x", i)).toList();
    given(client.describeTasks(any(DescribeTasksRequest.class)))
        .willAnswer(
            invocation -> {
              DescribeTasksRequest request = invocation.getArgument(0);
              // ECS reports the first task of each batch as missing.
              List<String> batch = request.tasks();
              return DescribeTasksResponse.builder()
                  .tasks(
                      batch.subList(1, batch.size()).stream()
                          .map(id -> Task.builder().taskArn(taskArn("prod", id)).build())
                          .toList())
                  .failures(
                      Failure.builder()
                          .arn(taskArn("prod", batch.get(0)))
                          .reason("MISSING")
                          .build())
                  .build();
            });

    DescribedTasks described = template.describeTasks(ClusterRef.of("prod"), ids);

    assertThat(described.tasks()).hasSize(148);
    assertThat(described.failures())
        .extracting(Failure::arn)
        .containsExactly(taskArn("prod", ids.get(0)), taskArn("prod", ids.get(100)));
    ArgumentCaptor<DescribeTasksRequest> requests =
        ArgumentCaptor.forClass(DescribeTasksRequest.class);
    then(client).should(times(2)).describeTasks(requests.capture());
    assertThat(requests.getAllValues())
        .allSatisfy(
            r -> {
              assertThat(r.cluster()).isEqualTo("prod");
              assertThat(r.include()).containsExactly(TaskField.TAGS);
            })
        .extracting(r -> r.tasks().size())
        .containsExactly(100, 50);
    assertThat(scope.account()).contains(ACCOUNT);
  }

  @Test
  void describesOneTaskWithItsTags() {
    Task task = Task.builder().taskArn(taskArn("prod", TASK_ID)).lastStatus("RUNNING").build();
    given(client.describeTasks(any(DescribeTasksRequest.class)))
        .willReturn(DescribeTasksResponse.builder().tasks(task).build());

    assertThat(template.describeTask(TaskRef.parse("prod", TASK_ID))).isEqualTo(task);

    ArgumentCaptor<DescribeTasksRequest> request =
        ArgumentCaptor.forClass(DescribeTasksRequest.class);
    then(client).should().describeTasks(request.capture());
    assertThat(request.getValue().tasks()).containsExactly(TASK_ID);
    assertThat(request.getValue().include()).containsExactly(TaskField.TAGS);
  }

  @Test
  void reportsATaskEcsCallsMissingAsUnknown() {
    given(client.describeTasks(any(DescribeTasksRequest.class)))
        .willReturn(
            DescribeTasksResponse.builder()
                .failures(Failure.builder().arn(taskArn("prod", TASK_ID)).reason("MISSING").build())
                .build());

    UnknownTaskException unknown =
        catchThrowableOfType(
            UnknownTaskException.class,
            () -> template.describeTask(TaskRef.parse("prod", TASK_ID)));

    assertThat(unknown.operation()).isEqualTo("DescribeTasks");
    assertThat(unknown.errorCode()).isEqualTo("MISSING");
    assertThat(unknown.cluster()).isEqualTo("prod");
    assertThat(unknown.task()).isEqualTo(TASK_ID);
  }

  @Test
  void stopsTaskByClusterNameAndIdWithTheReasonAndReturnsTheTaskEcsAnswers() {
    Task stopping =
        Task.builder()
            .taskArn(taskArn("prod", TASK_ID))
            .desiredStatus("STOPPED")
            .lastStatus("RUNNING")
            .stoppedReason("Stopped by alice: deploy stuck")
            .build();
    given(client.stopTask(any(StopTaskRequest.class)))
        .willReturn(StopTaskResponse.builder().task(stopping).build());

    Task answer =
        template.stopTask(
            TaskRef.parse(null, taskArn("prod", TASK_ID.toUpperCase())),
            "Stopped by alice: deploy stuck");

    assertThat(answer).isEqualTo(stopping);
    ArgumentCaptor<StopTaskRequest> request = ArgumentCaptor.forClass(StopTaskRequest.class);
    then(client).should().stopTask(request.capture());
    assertThat(request.getValue())
        .returns("prod", StopTaskRequest::cluster)
        .returns(TASK_ID, StopTaskRequest::task)
        .returns("Stopped by alice: deploy stuck", StopTaskRequest::reason);
  }

  @Test
  void refusesToStopATaskOfAnotherRegionWithoutCallingEcs() {
    TaskRef elsewhere =
        TaskRef.parse(null, "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task/prod/" + TASK_ID);

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> template.stopTask(elsewhere, "reason"));

    then(client).shouldHaveNoInteractions();
  }

  @Test
  void refusesToStopATaskInAClusterOfAnotherRegionWithoutCallingEcs() {
    TaskRef elsewhere =
        TaskRef.parse("arn:aws:ecs:eu-west-1:" + ACCOUNT + ":cluster/prod", TASK_ID);

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> template.stopTask(elsewhere, "reason"))
        .satisfies(e -> assertThat(e.field()).isEqualTo("cluster"));

    then(client).shouldHaveNoInteractions();
  }

  @Test
  void treatsADescribedTaskOfAnotherClusterAsNotFound() {
    // moto finds a task in any cluster; a task of "billing" must not be shown, or stopped, as one
    // of "prod", which the user was authorised for.
    given(client.describeTasks(any(DescribeTasksRequest.class)))
        .willReturn(
            DescribeTasksResponse.builder()
                .tasks(
                    Task.builder()
                        .taskArn(taskArn("billing", TASK_ID))
                        .clusterArn(clusterArn("billing"))
                        .build())
                .build());

    UnknownTaskException unknown =
        catchThrowableOfType(
            UnknownTaskException.class,
            () -> template.describeTask(TaskRef.parse("prod", TASK_ID)));

    assertThat(unknown.errorCode()).isEqualTo("MISSING");
    assertThat(unknown.cluster()).isEqualTo("prod");
    assertThat(scope.account()).as("nothing learned from a foreign answer").isEmpty();
  }

  @Test
  void describeTasksReportsTasksOfAnotherClusterAsMissingAndKeepsTheOthersInOrder() {
    String other = "0123456789abcdef0123456789abcdef";
    String oldFormat = "1dc5c17a-422b-4dc4-b493-371970c6c4d6";
    given(client.describeTasks(any(DescribeTasksRequest.class)))
        .willReturn(
            DescribeTasksResponse.builder()
                .tasks(
                    Task.builder()
                        .taskArn(taskArn("prod", TASK_ID))
                        .clusterArn(clusterArn("prod"))
                        .build(),
                    Task.builder()
                        .taskArn(taskArn("prod", other))
                        .clusterArn(clusterArn("prod-old"))
                        .build(),
                    // Old-format ARN without the cluster, and no cluster ARN: cannot be told.
                    Task.builder()
                        .taskArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + oldFormat)
                        .build(),
                    Task.builder()
                        .taskArn("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + oldFormat)
                        .clusterArn(clusterArn("prod"))
                        .build())
                .build());

    DescribedTasks described =
        template.describeTasks(ClusterRef.of("prod"), List.of(TASK_ID, other, oldFormat));

    assertThat(described.tasks())
        .extracting(Task::taskArn)
        .containsExactly(
            taskArn("prod", TASK_ID), "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + oldFormat);
    assertThat(described.failures())
        .extracting(Failure::arn, Failure::reason)
        .containsExactly(
            tuple(taskArn("prod", other), "MISSING"),
            tuple("arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + oldFormat, "MISSING"));
  }

  @Test
  void refusesArnsOfAnotherPartitionWithoutCallingEcs() {
    // us-east-1 exists only in the aws partition: arn:aws-cn:...:us-east-1 is not this account's.
    TaskRef china =
        TaskRef.parse(null, "arn:aws-cn:ecs:us-east-1:" + ACCOUNT + ":task/prod/" + TASK_ID);
    ClusterRef chinaCluster =
        ClusterRef.parse("arn:aws-cn:ecs:us-east-1:" + ACCOUNT + ":cluster/prod");

    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> template.describeTask(china))
        .withMessageContaining("partition aws-cn");
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> template.stopTask(china, "reason"));
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> template.listTasks(chinaCluster, TaskQuery.ALL_RUNNING, null, 100))
        .satisfies(e -> assertThat(e.field()).isEqualTo("cluster"));

    then(client).shouldHaveNoInteractions();
  }

  static String clusterArn(String name) {
    return "arn:aws:ecs:us-east-1:" + ACCOUNT + ":cluster/" + name;
  }

  static String taskArn(String cluster, String id) {
    return "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task/" + cluster + "/" + id;
  }
}
