package dev.ecsdashboard.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoEcsHttpClient;
import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.support.DemoAppTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import tools.jackson.databind.json.JsonMapper;

/** The tasks and task pages of the whole dashboard over the demo ECS, through the real SDK. */
@DemoAppTest
class TaskPagesDemoTest {

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;
  @Autowired DemoEcsHttpClient calls;
  @Autowired EcsOperations ecs;

  PageScraper scraper;

  @BeforeEach
  void scraper() {
    scraper = new PageScraper(mvc);
  }

  @Test
  void listsEveryDemoClusterWithTheCountsEcsReports() throws Exception {
    String page = scraper.page("/clusters");

    List<Cluster> expected =
        demo.describeClusters(
                DescribeClustersRequest.builder().clusters(demo.clusterNames()).build())
            .clusters();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
    for (Cluster cluster : expected) {
      String name = cluster.clusterName();
      String row =
          page.substring(page.indexOf("href=\"/clusters/" + name + "/tasks\">"))
              .split("</tr>")[0]
              .replaceAll("\\s+", "");
      assertThat(row)
          .as(name)
          .contains(
              "<tdclass=\"num\">"
                  + cluster.runningTasksCount()
                  + "</td>"
                  + "<tdclass=\"num\">"
                  + cluster.pendingTasksCount()
                  + "</td>"
                  + "<tdclass=\"num\">"
                  + cluster.activeServicesCount()
                  + "</td>"
                  + "<tdclass=\"num\">"
                  + cluster.registeredContainerInstancesCount()
                  + "</td>");
    }
  }

  @Test
  void reachesEveryTaskOfALargeClusterPageByPage() throws Exception {
    List<Integer> pageSizes = new ArrayList<>();

    List<String> listed = scraper.taskIdsOfEveryPage("/clusters/prod-web/tasks", pageSizes);

    assertThat(listed).hasSizeGreaterThan(100).doesNotHaveDuplicates();
    assertThat(pageSizes.get(0)).isEqualTo(100);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(ids("prod-web", desired("RUNNING")));
  }

  @Test
  void showsEveryTaskOfALargeClusterAtOnce() throws Exception {
    calls.resetCounts();

    String page = scraper.page("/clusters/prod-web/tasks?all=true");

    List<String> expected = ids("prod-web", desired("RUNNING"));
    assertThat(PageScraper.taskIds(page))
        .hasSizeGreaterThan(100)
        .containsExactlyInAnyOrderElementsOf(expected);
    long pages = (expected.size() + 99) / 100;
    assertThat(calls.callCount("ListTasks")).isEqualTo(pages);
    assertThat(calls.callCount("DescribeTasks")).isEqualTo(pages);
  }

  @Test
  void eachFilterNarrowsTheListAsEcsWould() throws Exception {
    assertFilter("default", "desiredStatus=STOPPED", desired("STOPPED"));
    assertFilter(
        "prod-web",
        "serviceName=checkout-api",
        desired("RUNNING").and(t -> "service:checkout-api".equals(t.group())));
    assertFilter(
        "staging-batch",
        "family=etl-runner",
        desired("RUNNING").and(t -> t.taskDefinitionArn().contains("/etl-runner:")));
    assertFilter(
        "default",
        "launchType=FARGATE",
        desired("RUNNING").and(t -> "FARGATE".equals(t.launchTypeAsString())));
    assertFilter(
        "staging-batch",
        "desiredStatus=RUNNING&startedBy=airflow",
        desired("RUNNING").and(t -> "airflow".equals(t.startedBy())));
    assertFilter(
        "staging-batch",
        "desiredStatus=STOPPED&launchType=EC2",
        desired("STOPPED").and(t -> "EC2".equals(t.launchTypeAsString())));
  }

  @Test
  void aPageOfOneHundredTasksCostsOneListTasksAndOneDescribeTasks() throws Exception {
    calls.resetCounts();

    String page = scraper.page("/clusters/prod-web/tasks");

    assertThat(PageScraper.taskIds(page)).hasSize(100);
    assertThat(calls.callCount("ListTasks")).isEqualTo(1);
    assertThat(calls.callCount("DescribeTasks")).isEqualTo(1);
    assertThat(calls.totalCallCount()).isEqualTo(2);
  }

  @Test
  void showsEveryFieldOfTheRichestDemoTask() throws Exception {
    Task task = richestTask();
    String cluster = TaskNames.lastPart(task.clusterArn());
    String id = TaskNames.lastPart(task.taskArn());
    calls.resetCounts();

    String page =
        TaskDetailControllerTest.withoutRawJson(
            scraper.page("/clusters/" + cluster + "/tasks/" + id));

    assertThat(calls.callCounts()).containsOnlyKeys("DescribeTasks").containsValue(1L);
    List<String> leaves = PageScraper.leaves(ecs.describeTask(TaskRef.parse(cluster, id)));
    assertThat(leaves).hasSizeGreaterThan(60);
    for (String leaf : leaves) {
      assertThat(page).as("field value %s", leaf).contains(leaf);
    }
    assertThat(page.toLowerCase()).doesNotContain("null");
  }

  @Test
  void servesTheRawJsonWithTheValuesEcsSent() throws Exception {
    Task task = richestTask();
    String cluster = TaskNames.lastPart(task.clusterArn());
    String id = TaskNames.lastPart(task.taskArn());

    String json =
        mvc.perform(
                get("/clusters/" + cluster + "/tasks/" + id + ".json")
                    .with(user("viewer").roles("VIEWER")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    Task described = ecs.describeTask(TaskRef.parse(cluster, id));
    assertThat(json).isEqualTo(WireJson.toJson(described).toString());
    assertThat(WireJson.fromJson(JsonMapper.builder().build().readTree(json), Task::builder))
        .isEqualTo(described);
  }

  @Test
  void rendersEveryStoppedTaskOfTheDemo() throws Exception {
    for (String cluster : demo.clusterNames()) {
      for (String id : ids(cluster, desired("STOPPED"))) {
        assertThat(scraper.page("/clusters/" + cluster + "/tasks/" + id).toLowerCase())
            .contains("why it stopped")
            .doesNotContain("null");
      }
    }
  }

  @Test
  void saysWhichTaskOrClusterDoesNotExist() throws Exception {
    String id = "00000000000000000000000000000000";
    mvc.perform(get("/clusters/prod-web/tasks/" + id).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString(id)));
    mvc.perform(get("/clusters/no-such-cluster/tasks").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("no-such-cluster")));
  }

  @Test
  void answersAFilterCombinationEcsRefusesWithABadRequest() throws Exception {
    mvc.perform(
            get("/clusters/prod-web/tasks?serviceName=checkout-api&family=checkout-api")
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ECS cannot list tasks with these filters.")));
  }

  private void assertFilter(String cluster, String query, Predicate<Task> expected)
      throws Exception {
    String page = scraper.page("/clusters/" + cluster + "/tasks?all=true&" + query);
    List<String> expectedIds = ids(cluster, expected);
    assertThat(expectedIds).as(query).isNotEmpty();
    assertThat(PageScraper.taskIds(page))
        .as(cluster + "?" + query)
        .containsExactlyInAnyOrderElementsOf(expectedIds);
  }

  private List<String> ids(String cluster, Predicate<Task> filter) {
    return demo.tasks(cluster).stream()
        .filter(filter)
        .map(t -> TaskNames.lastPart(t.taskArn()))
        .toList();
  }

  private static Predicate<Task> desired(String status) {
    return t -> status.equals(t.desiredStatus());
  }

  private Task richestTask() {
    return demo.clusterNames().stream()
        .flatMap(c -> demo.tasks(c).stream())
        .max(Comparator.comparingInt(t -> PageScraper.leaves(t).size()))
        .orElseThrow();
  }
}
