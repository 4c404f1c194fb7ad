package dev.ecsdashboard.task;

import static dev.ecsdashboard.task.TaskDetailControllerTest.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.UnknownClusterException;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

@WebMvcTest(TaskListController.class)
@DashboardWebMvcTest
class TaskListControllerTest {

  static final ClusterRef PROD = ClusterRef.of("prod-web");
  static final String PAGE = "/clusters/prod-web/tasks";
  static final String ID = "666fdccc2e2d4b6894dd422f4eeee8f8";

  @Autowired MockMvc mvc;
  @MockitoBean TaskService tasks;

  @Test
  void showsTheColumnsAnOperatorScans() throws Exception {
    Task task =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod-web/" + ID)
            .lastStatus("STOPPED")
            .desiredStatus("STOPPED")
            .healthStatus("UNHEALTHY")
            .group("service:web")
            .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:42")
            .launchType(LaunchType.FARGATE)
            .availabilityZone("us-east-1b")
            .startedAt(Instant.parse("2026-01-02T03:04:05.678Z"))
            .stopCode("EssentialContainerExited")
            .build();
    given(tasks.page(PROD, TaskQuery.ALL_RUNNING, null))
        .willReturn(new TaskService.TaskPage(List.of(task), null));

    String page = render(PAGE);

    assertThat(page)
        .contains("href=\"/clusters/prod-web/tasks/" + ID + "\"", ">666fdccc<")
        .contains("STOPPED", "UNHEALTHY", "web:42", "FARGATE", "us-east-1b")
        .contains("href=\"/clusters/prod-web/tasks?serviceName=web\"")
        .contains("datetime=\"2026-01-02T03:04:05.678Z\"", "title=\"2026-01-02 03:04:05.678 UTC\"")
        .contains("EssentialContainerExited", "Page 1: 1 tasks")
        .contains("scope=\"col\"")
        .doesNotContain("Next page", "Show every task");
    assertThat(page.toLowerCase()).doesNotContain("null");
  }

  @Test
  void marksEachStatusAndWhereEcsIsTakingTheTask() throws Exception {
    Task stopping =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod-web/" + ID)
            .lastStatus("RUNNING")
            .desiredStatus("STOPPED")
            .healthStatus("HEALTHY")
            .startedAt(Instant.parse("2026-01-02T03:04:05.678Z"))
            .build();
    Task pending =
        Task.builder()
            .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod-web/0123456789abcdef")
            .lastStatus("PROVISIONING")
            .desiredStatus("RUNNING")
            .group("family:batch")
            .build();
    given(tasks.page(PROD, TaskQuery.ALL_RUNNING, null))
        .willReturn(new TaskService.TaskPage(List.of(stopping, pending), null));

    String page = render(PAGE);

    assertThat(page)
        .contains("class=\"badge status-running\">RUNNING<", "class=\"badge health-healthy\">")
        .contains("→ <span class=\"badge desired\">STOPPED</span>")
        .contains("data-sort=\"2026-01-02T03:04:05.678Z\"")
        .contains("class=\"badge status-provisioning\">PROVISIONING<", "family:batch");
    // The task that has not started has no time: one <time> on the page, the started task's.
    assertThat(page.split("<time ", -1)).hasSize(2);
    assertThat(page.toLowerCase()).doesNotContain("null", "health-\"");
  }

  @Test
  void passesEachFilterToListTasks() throws Exception {
    given(tasks.page(any(), any(), any())).willReturn(new TaskService.TaskPage(List.of(), null));

    mvc.perform(
            get(PAGE + "?desiredStatus=stopped&family=web&launchType=FARGATE&serviceName=api")
                .with(viewer()))
        .andExpect(status().isOk())
        .andExpect(view().name(TaskListController.VIEW_LIST))
        .andExpect(
            model().attribute("filter", new TaskFilter("stopped", "api", "web", null, "FARGATE")));

    then(tasks)
        .should()
        .page(
            PROD,
            new TaskQuery(DesiredStatus.STOPPED, "api", "web", null, LaunchType.FARGATE, null),
            null);
  }

  @Test
  void rejectsAnUnknownStatusBeforeAskingEcsAndKeepsWhatWasTyped() throws Exception {
    mvc.perform(get(PAGE + "?desiredStatus=SLEEPING&family=web").with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("This is not a desiredStatus ECS knows.")))
        .andExpect(content().string(containsString("value=\"SLEEPING\" selected")))
        .andExpect(content().string(containsString("value=\"web\"")));

    then(tasks).shouldHaveNoInteractions();
  }

  @Test
  void rejectsMalformedFilterValuesAndShowsThemEscaped() throws Exception {
    mvc.perform(get(PAGE).param("serviceName", TaskFixtures.PAYLOAD).with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("serviceName filter")))
        .andExpect(content().string(not(containsString("<script>alert"))));

    then(tasks).shouldHaveNoInteractions();
  }

  @Test
  void showsEcsRefusalOfAFilterCombinationAsABadRequest() throws Exception {
    given(tasks.page(any(), any(), any()))
        .willThrow(
            new EcsInvalidParameterException(
                "ListTasks",
                "InvalidParameterException",
                "startedBy cannot be combined with other filters",
                null));

    mvc.perform(get(PAGE + "?startedBy=ci&family=web").with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ECS cannot list tasks with these filters.")))
        .andExpect(content().string(containsString("startedBy cannot be combined")))
        .andExpect(content().string(containsString("value=\"ci\"")));
  }

  @Test
  void linksTheNextPageWithItsTokenAndTheFilters() throws Exception {
    given(tasks.page(any(), any(), isNull()))
        .willReturn(new TaskService.TaskPage(List.of(task(1)), "a+b/c="));

    assertThat(render(PAGE + "?family=web"))
        .contains("href=\"/clusters/prod-web/tasks?family=web&amp;page=a%2Bb%2Fc%3D\"")
        .contains("href=\"/clusters/prod-web/tasks?family=web&amp;all=true\"");
  }

  @Test
  void leadsBackPageByPageWithinASession() throws Exception {
    given(tasks.page(any(), any(), isNull()))
        .willReturn(new TaskService.TaskPage(List.of(task(1)), "t2"));
    given(tasks.page(any(), any(), eq("t2")))
        .willReturn(new TaskService.TaskPage(List.of(task(2)), "t3"));
    given(tasks.page(any(), any(), eq("t3")))
        .willReturn(new TaskService.TaskPage(List.of(task(3)), null));
    MockHttpSession session = new MockHttpSession();

    render(PAGE, session);
    render(PAGE + "?page=t2", session);
    String third = render(PAGE + "?page=t3", session);

    assertThat(third)
        .contains("Page 3: 1 tasks")
        .contains("href=\"/clusters/prod-web/tasks?page=t2\" rel=\"prev\"")
        .contains("href=\"/clusters/prod-web/tasks\">First page")
        .doesNotContain("Next page");
  }

  @Test
  void aSharedLinkToALaterPageLeadsToTheFirst() throws Exception {
    given(tasks.page(any(), any(), eq("t9")))
        .willReturn(new TaskService.TaskPage(List.of(task(9)), null));

    assertThat(render(PAGE + "?page=t9"))
        .contains("1 tasks on this page", "First page")
        .doesNotContain("Previous page");
  }

  @Test
  void showsEveryTaskOnRequest() throws Exception {
    given(tasks.allTasks(PROD, TaskQuery.ALL_RUNNING)).willReturn(List.of(task(1), task(2)));

    assertThat(render(PAGE + "?all=true"))
        .contains("All 2 tasks", "Show pages of 100")
        .contains("name=\"all\" value=\"true\"");
  }

  @Test
  void marksAPageOfTasksForLiveRefreshButNotEveryTask() throws Exception {
    given(tasks.page(PROD, TaskQuery.ALL_RUNNING, null))
        .willReturn(new TaskService.TaskPage(List.of(task(1)), null));
    given(tasks.allTasks(PROD, TaskQuery.ALL_RUNNING)).willReturn(List.of(task(1), task(2)));

    // The browser script refreshes [data-live] in place every dashboard.web.live-refresh (10 s);
    // a listing of every task costs a call per 100 tasks, so it stays still.
    assertThat(render(PAGE))
        .contains("id=\"tasks-live\"", "data-live=\"10\"")
        .contains("data-sortable", "data-filter=\"tasks\"", "data-filter-slot=\"tasks\"")
        .contains("href=\"/clusters\" aria-current=\"page\"");
    assertThat(render(PAGE + "?all=true")).contains("data-live=\"0\"");
  }

  @Test
  void leadsAClusterUrlToItsTasks() throws Exception {
    mvc.perform(get("/clusters/prod-web").with(viewer()))
        .andExpect(redirectedUrl("/clusters/prod-web/tasks"));
  }

  @Test
  void rejectsAMalformedClusterWithoutAskingEcs() throws Exception {
    mvc.perform(get("/clusters/no%20such!/tasks").with(viewer()))
        .andExpect(status().isBadRequest());

    then(tasks).shouldHaveNoInteractions();
  }

  @Test
  void saysWhichClusterDoesNotExist() throws Exception {
    given(tasks.page(any(), any(), any()))
        .willThrow(
            new UnknownClusterException(
                "ListTasks", "prod-web", "ClusterNotFoundException", "Cluster not found.", null));

    mvc.perform(get(PAGE).with(viewer()))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("prod-web")))
        .andExpect(content().string(containsString("href=\"/clusters\"")));
  }

  @Test
  void offersARetryWhenEcsDoesNotAnswer() throws Exception {
    given(tasks.page(any(), any(), any()))
        .willThrow(new EcsUnavailableException("ListTasks", null, "timeout", null));

    mvc.perform(get(PAGE + "?family=web").with(viewer()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            content().string(containsString("href=\"/clusters/prod-web/tasks?family=web\"")));
  }

  private String render(String url) throws Exception {
    return render(url, new MockHttpSession());
  }

  private String render(String url, MockHttpSession session) throws Exception {
    return mvc.perform(get(url).session(session).with(viewer()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  static Task task(int n) {
    return Task.builder()
        .taskArn("arn:aws:ecs:us-east-1:123456789012:task/prod-web/%032x".formatted(n))
        .lastStatus("RUNNING")
        .desiredStatus("RUNNING")
        .build();
  }
}
