package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsOperations.DescribedTasks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/** DescribeTasks and DescribeClusters through the real SDK client. */
class DemoEcsDescribeTest {

  private static final String MISSING_ID = "0123456789abcdef0123456789abcdef";

  private final DemoFixture demo = new DemoFixture();

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void includesTagsOnlyWhenAsked() {
    List<String> arns = demo.client.listTasks(r -> r.cluster("prod-web").maxResults(10)).taskArns();

    List<Task> plain = demo.client.describeTasks(r -> r.cluster("prod-web").tasks(arns)).tasks();
    List<Task> tagged =
        demo.client
            .describeTasks(r -> r.cluster("prod-web").tasks(arns).include(TaskField.TAGS))
            .tasks();

    assertThat(plain).hasSize(10).noneMatch(Task::hasTags);
    assertThat(tagged).hasSize(10).allMatch(t -> t.hasTags() && t.tags().size() >= 4);
  }

  @Test
  void acceptsTaskIdsAndArnsAndReportsUnknownOnesAsMissing() {
    String arn = demo.client.listTasks(r -> r.cluster("prod-web").maxResults(1)).taskArns().get(0);
    String id = arn.substring(arn.lastIndexOf('/') + 1);
    String otherClusterArn = arn.replace("/prod-web/", "/staging-batch/");

    DescribeTasksResponse response =
        demo.client.describeTasks(
            r -> r.cluster("prod-web").tasks(id, arn, MISSING_ID, otherClusterArn));

    assertThat(response.tasks()).extracting(Task::taskArn).containsExactly(arn, arn);
    assertThat(response.failures())
        .extracting(f -> f.arn() + " " + f.reason())
        .containsExactly(
            "arn:aws:ecs:us-east-1:123456789012:task/prod-web/" + MISSING_ID + " MISSING",
            otherClusterArn + " MISSING");
  }

  @Test
  void rejectsMoreThan100TasksAndNoTasks() {
    List<String> ids = new ArrayList<>(Collections.nCopies(101, MISSING_ID));

    assertThatThrownBy(() -> demo.client.describeTasks(r -> r.cluster("prod-web").tasks(ids)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> demo.client.describeTasks(r -> r.cluster("prod-web")))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void describesMoreThan100TasksInBatchesThroughTheTemplate() {
    List<String> arns =
        demo.client.listTasksPaginator(r -> r.cluster("prod-web")).taskArns().stream().toList();

    DescribedTasks described = demo.template.describeTasks(ClusterRef.of("prod-web"), arns);

    assertThat(described.tasks()).hasSize(130).allMatch(Task::hasTags);
    assertThat(described.failures()).isEmpty();
    assertThat(demo.http.callCount("DescribeTasks")).isEqualTo(2);
  }

  @Test
  void answersAnUnknownClusterWithClusterNotFound() {
    assertThatThrownBy(() -> demo.client.describeTasks(r -> r.cluster("nope").tasks(MISSING_ID)))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThatThrownBy(() -> demo.client.listTasks(r -> r.cluster("nope")))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThatThrownBy(
            () ->
                demo.client.listTasks(
                    r -> r.cluster("arn:aws:ecs:eu-west-1:123456789012:cluster/prod-web")))
        .isInstanceOf(ClusterNotFoundException.class);
  }

  @Test
  void countsClusterTasksAsListTasksAndDescribeTasksSeeThem() {
    for (String name : demo.ecs.clusterNames()) {
      List<String> arns =
          demo.client.listTasksPaginator(r -> r.cluster(name)).taskArns().stream().toList();
      List<Task> tasks = demo.template.describeTasks(ClusterRef.of(name), arns).tasks();
      Map<String, Long> byStatus =
          tasks.stream().collect(Collectors.groupingBy(Task::lastStatus, Collectors.counting()));
      long services =
          tasks.stream().map(Task::group).filter(g -> g.startsWith("service:")).distinct().count();

      Cluster cluster = demo.template.describeClusters(List.of(name)).get(0);

      assertThat(cluster.status()).isEqualTo("ACTIVE");
      assertThat((long) cluster.runningTasksCount())
          .isEqualTo(byStatus.getOrDefault("RUNNING", 0L));
      assertThat((long) cluster.pendingTasksCount())
          .isEqualTo(byStatus.getOrDefault("PENDING", 0L));
      assertThat((long) cluster.activeServicesCount()).isEqualTo(services);
      assertThat(
              statistic(cluster, "runningFargateTasksCount")
                  + statistic(cluster, "runningEC2TasksCount"))
          .isEqualTo(cluster.runningTasksCount());
      assertThat(cluster.hasTags()).isTrue();
    }
  }

  @Test
  void describesTheSeededClusters() {
    DescribeClustersResponse response =
        demo.client.describeClusters(
            r ->
                r.clusters(
                        "prod-web",
                        "arn:aws:ecs:us-east-1:123456789012:cluster/staging-batch",
                        "nope")
                    .include(ClusterField.STATISTICS));

    assertThat(response.clusters())
        .extracting(Cluster::clusterName, Cluster::runningTasksCount, Cluster::pendingTasksCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prod-web", 130, 0),
            org.assertj.core.groups.Tuple.tuple("staging-batch", 20, 2));
    assertThat(response.clusters().get(0).registeredContainerInstancesCount()).isEqualTo(6);
    assertThat(response.clusters().get(0).activeServicesCount()).isEqualTo(5);
    assertThat(response.clusters().get(0).hasTags()).isFalse();
    assertThat(response.failures())
        .extracting(f -> f.arn() + " " + f.reason())
        .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/nope MISSING");
    assertThat(demo.client.describeClusters(r -> {}).clusters())
        .extracting(Cluster::clusterName)
        .containsExactly("default");
  }

  @Test
  void rejectsMoreThan100Clusters() {
    List<String> names = Collections.nCopies(101, "default");

    assertThatThrownBy(() -> demo.client.describeClusters(r -> r.clusters(names)))
        .isInstanceOf(InvalidParameterException.class);
  }

  private static int statistic(Cluster cluster, String name) {
    return cluster.statistics().stream()
        .filter(s -> s.name().equals(name))
        .map(KeyValuePair::value)
        .mapToInt(Integer::parseInt)
        .findFirst()
        .orElseThrow();
  }
}
