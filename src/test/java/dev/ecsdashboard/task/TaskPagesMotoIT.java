package dev.ecsdashboard.task;

import static dev.ecsdashboard.support.MotoEcs.tag;
import static dev.ecsdashboard.support.MotoEcs.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.ecs.EcsOperations;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.support.MotoEcs;
import dev.ecsdashboard.support.MotoServer;
import dev.ecsdashboard.support.MotoServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The clusters, tasks and task pages of the whole dashboard in aws mode against moto_server, over
 * the real wire. moto's tasks have old-format UUID task IDs and send numbers where ECS sends
 * strings; the pages must render them all the same.
 */
@ExtendWith(MotoServerExtension.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class TaskPagesMotoIT {

  static MotoServer moto;
  static String cluster;
  static List<Task> running = new ArrayList<>();
  static Task stopped;

  @Autowired MockMvc mvc;
  @Autowired EcsOperations ecs;

  PageScraper scraper;

  @BeforeAll
  static void startTasks(MotoServer server) {
    moto = server;
    MotoEcs fixtures = server.ecs();
    cluster = uniqueName("browse");
    fixtures.createCluster(cluster);
    String taskDefinition = fixtures.registerTaskDefinition(uniqueName("web"));
    running.addAll(
        fixtures.runTasks(
            cluster,
            taskDefinition,
            3,
            r -> r.startedBy("alice").tags(tag("team", "<b>payments</b>"), tag("env", "test"))));
    running.addAll(fixtures.runServiceTasks(cluster, "checkout", taskDefinition, 2));
    stopped = fixtures.runTasks(cluster, taskDefinition, 1).get(0);
    fixtures.client().stopTask(r -> r.cluster(cluster).task(stopped.taskArn()).reason("done"));
  }

  @DynamicPropertySource
  static void awsModeOnMoto(DynamicPropertyRegistry registry) {
    MotoServer.registerDashboardProperties(registry, () -> moto);
  }

  @BeforeEach
  void scraper() {
    scraper = new PageScraper(mvc);
  }

  @Test
  void theClustersPageListsTheMotoCluster() throws Exception {
    assertThat(scraper.page("/clusters")).contains("href=\"/clusters/" + cluster + "/tasks\"");
  }

  @Test
  void theTasksPageListsEveryRunningTask() throws Exception {
    String page = scraper.page("/clusters/" + cluster + "/tasks");

    assertThat(PageScraper.taskIds(page))
        .containsExactlyInAnyOrderElementsOf(running.stream().map(TaskPagesMotoIT::id).toList());
    assertThat(page.toLowerCase()).doesNotContain("null");
  }

  @Test
  void theTasksPageListsTheStoppedTask() throws Exception {
    String page = scraper.page("/clusters/" + cluster + "/tasks?desiredStatus=STOPPED&all=true");

    assertThat(PageScraper.taskIds(page)).containsExactly(id(stopped));
  }

  @Test
  void eachTaskPageRendersWithItsFields() throws Exception {
    List<Task> all = new ArrayList<>(running);
    all.add(stopped);
    for (Task task : all) {
      String page = scraper.page("/clusters/" + cluster + "/tasks/" + id(task));

      assertThat(page).contains(id(task), task.taskArn());
      assertThat(page.toLowerCase()).doesNotContain("null");
    }
    assertThat(scraper.page("/clusters/" + cluster + "/tasks/" + id(running.get(0))))
        .contains("&lt;b&gt;payments&lt;/b&gt;", "alice");
  }

  @Test
  void theRawJsonIsTheTaskAsTheDashboardReadIt() throws Exception {
    Task task = running.get(0);

    String json = scraper.page("/clusters/" + cluster + "/tasks/" + id(task) + ".json");

    assertThat(json)
        .isEqualTo(WireJson.toJson(ecs.describeTask(TaskRef.parse(cluster, id(task)))).toString());
  }

  @Test
  void goesToATaskByItsOldFormatArn() throws Exception {
    Task task = running.get(0);

    mvc.perform(
            get("/go")
                .param("task", task.taskArn())
                .param("cluster", cluster)
                .with(user("viewer").roles("VIEWER")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/clusters/" + cluster + "/tasks/" + id(task)));
  }

  private static String id(Task task) {
    return TaskNames.lastPart(task.taskArn());
  }
}
