package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations.TaskArnPage;
import dev.ecsdashboard.ecs.TaskQuery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * ListClusters and ListTasks through the real SDK client: paging, filters, and what ECS rejects.
 */
class DemoEcsListingTest {

  private final DemoFixture demo = new DemoFixture();

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void listsAClusterOfMoreThan100TasksInTwoPages() {
    ListTasksResponse first = demo.client.listTasks(r -> r.cluster("prod-web"));
    ListTasksResponse second =
        demo.client.listTasks(r -> r.cluster("prod-web").nextToken(first.nextToken()));

    assertThat(first.taskArns()).hasSize(100);
    assertThat(first.nextToken()).isNotBlank();
    assertThat(second.taskArns()).hasSize(30);
    assertThat(second.nextToken()).isNull();
    List<String> all = new ArrayList<>(first.taskArns());
    all.addAll(second.taskArns());
    assertThat(new HashSet<>(all)).hasSize(130);
    assertThat(all)
        .allMatch(
            arn -> arn.matches("arn:aws:ecs:us-east-1:123456789012:task/prod-web/[0-9a-f]{32}"));
  }

  @Test
  void honoursMaxResultsOnEveryPage() {
    List<String> arns =
        demo
            .client
            .listTasksPaginator(r -> r.cluster("prod-web").maxResults(25))
            .taskArns()
            .stream()
            .toList();

    assertThat(arns).hasSize(130).doesNotHaveDuplicates();
    assertThat(demo.http.callCount("ListTasks")).isEqualTo(6);
  }

  @Test
  void pagesThroughTheDashboardsTemplate() {
    TaskArnPage page =
        demo.template.listTasks(ClusterRef.of("prod-web"), TaskQuery.ALL_RUNNING, null, 100);
    TaskArnPage next =
        demo.template.listTasks(
            ClusterRef.of("prod-web"), TaskQuery.ALL_RUNNING, page.nextToken(), 100);

    assertThat(page.taskArns()).hasSize(100);
    assertThat(next.taskArns()).hasSize(30);
    assertThat(next.nextToken()).isNull();
  }

  @Test
  void rejectsATokenItDidNotIssue() {
    String otherCluster =
        demo.client.listTasks(r -> r.cluster("prod-web").maxResults(1)).nextToken();

    assertThatThrownBy(() -> demo.client.listTasks(r -> r.cluster("prod-web").nextToken("garbage")))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(
            () -> demo.client.listTasks(r -> r.cluster("staging-batch").nextToken(otherCluster)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> demo.client.listClusters(r -> r.nextToken(otherCluster)))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void rejectsMaxResultsOutsideOneTo100() {
    assertThatThrownBy(() -> demo.client.listTasks(r -> r.cluster("prod-web").maxResults(0)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> demo.client.listTasks(r -> r.cluster("prod-web").maxResults(101)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> demo.client.listClusters(r -> r.maxResults(101)))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void listsClustersInPages() {
    var first = demo.client.listClusters(r -> r.maxResults(2));
    var second = demo.client.listClusters(r -> r.nextToken(first.nextToken()));

    assertThat(first.clusterArns()).hasSize(2);
    assertThat(second.clusterArns()).hasSize(1).doesNotContainAnyElementsOf(first.clusterArns());
    assertThat(demo.template.listClusterArns())
        .containsExactly(
            "arn:aws:ecs:us-east-1:123456789012:cluster/default",
            "arn:aws:ecs:us-east-1:123456789012:cluster/prod-web",
            "arn:aws:ecs:us-east-1:123456789012:cluster/staging-batch");
  }

  @Test
  void defaultsToTheDefaultClusterAndAcceptsClusterArns() {
    assertThat(demo.client.listTasks(r -> {}).taskArns())
        .isNotEmpty()
        .allMatch(arn -> arn.contains(":task/default/"));
    assertThat(
            demo.client
                .listTasks(
                    r -> r.cluster("arn:aws:ecs:us-east-1:123456789012:cluster/staging-batch"))
                .taskArns())
        .hasSize(22);
  }

  @Test
  void filtersByDesiredStatus() {
    assertThat(running("prod-web", r -> r.desiredStatus(DesiredStatus.STOPPED)))
        .hasSize(6)
        .allMatch(t -> t.desiredStatus().equals("STOPPED"));
    assertThat(running("prod-web", r -> r.desiredStatus(DesiredStatus.PENDING))).isEmpty();
    assertThat(running("staging-batch", r -> r.desiredStatus(DesiredStatus.RUNNING)))
        .hasSize(22)
        .extracting(Task::lastStatus)
        .containsOnly("RUNNING", "PENDING");
  }

  @Test
  void filtersByServiceFamilyStartedByLaunchTypeAndContainerInstance() {
    assertThat(running("prod-web", r -> r.serviceName("checkout-api")))
        .hasSize(40)
        .allMatch(t -> t.group().equals("service:checkout-api"));
    assertThat(running("prod-web", r -> r.family("db-migrate"))).hasSize(2);
    assertThat(running("prod-web", r -> r.startedBy("deploy-pipeline"))).hasSize(2);
    assertThat(running("prod-web", r -> r.launchType(LaunchType.EC2)))
        .hasSize(18)
        .allMatch(t -> t.launchType() == LaunchType.EC2);
    String instance =
        running("prod-web", r -> r.launchType(LaunchType.EC2)).get(0).containerInstanceArn();
    String instanceId = instance.substring(instance.lastIndexOf('/') + 1);
    assertThat(running("prod-web", r -> r.containerInstance(instanceId)))
        .isNotEmpty()
        .allMatch(t -> instance.equals(t.containerInstanceArn()));
    assertThat(running("prod-web", r -> r.containerInstance(instance))).isNotEmpty();
  }

  @Test
  void rejectsFilterCombinationsEcsRejects() {
    assertThatThrownBy(
            () -> demo.client.listTasks(r -> r.cluster("prod-web").startedBy("x").family("y")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("cannot specify startedBy with other arguments");
    assertThatThrownBy(
            () ->
                demo.client.listTasks(
                    r -> r.cluster("prod-web").startedBy("x").desiredStatus(DesiredStatus.STOPPED)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(
            () ->
                demo.client.listTasks(
                    r -> r.cluster("prod-web").serviceName("checkout-api").family("checkout-api")))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> demo.client.listTasks(r -> r.cluster("prod-web").serviceName("nope")))
        .isInstanceOf(ServiceNotFoundException.class);
    assertThatThrownBy(
            () -> demo.client.listTasks(r -> r.cluster("prod-web").desiredStatus("SLEEPING")))
        .isInstanceOf(InvalidParameterException.class);
  }

  private List<Task> running(
      String cluster, java.util.function.Consumer<ListTasksRequest.Builder> filter) {
    List<String> arns =
        demo
            .client
            .listTasksPaginator(
                r -> {
                  r.cluster(cluster);
                  filter.accept(r);
                })
            .taskArns()
            .stream()
            .toList();
    return arns.isEmpty()
        ? List.of()
        : demo.template.describeTasks(ClusterRef.of(cluster), arns).tasks();
  }
}
