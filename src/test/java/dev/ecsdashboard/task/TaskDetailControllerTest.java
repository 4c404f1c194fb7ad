package dev.ecsdashboard.task;

import static dev.ecsdashboard.task.TaskFixtures.CLUSTER;
import static dev.ecsdashboard.task.TaskFixtures.TASK_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.ecsdashboard.ecs.EcsAccessDeniedException;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.ecs.UnknownClusterException;
import dev.ecsdashboard.ecs.UnknownTaskException;
import dev.ecsdashboard.ecs.WireJson;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(TaskDetailController.class)
@DashboardWebMvcTest
class TaskDetailControllerTest {

  static final String PAGE = "/clusters/" + CLUSTER + "/tasks/" + TASK_ID;

  @Autowired MockMvc mvc;
  @MockitoBean TaskService tasks;

  @Test
  void showsEveryFieldOfTheModelOutsideTheRawJson() throws Exception {
    TaskFixtures.Filled filled = TaskFixtures.everyField();
    given(tasks.task(any())).willReturn(filled.task());

    String page = withoutRawJson(render());

    assertThat(filled.leaves()).hasSizeGreaterThan(100);
    for (String leaf : filled.leaves()) {
      assertThat(page).as("field value %s", leaf).contains(leaf);
    }
  }

  @Test
  void showsTheStopTaskExampleWithExplainedStopCodeAndNoNull() throws Exception {
    given(tasks.task(any())).willReturn(TaskFixtures.stopTaskExample());

    String page = render();

    assertThat(page)
        .contains("666fdccc2e2d4b6894dd422f4eeee8f8", "sleep360:3", "Taskfailedtostart")
        .contains("The task never reached RUNNING")
        .contains("datetime=\"2019-07-18T03:44:54.186Z\"", "2019-07-18 03:44:54.186 UTC")
        .contains("data-copy=\"arn:aws:ecs:us-west-2:130757420319:task/default/666fdccc")
        .contains(
            "https://us-west-2.console.aws.amazon.com/ecs/v2/clusters/default/tasks/"
                + "666fdccc2e2d4b6894dd422f4eeee8f8/configuration?region=us-west-2");
    assertThat(page.toLowerCase()).doesNotContain("null");
  }

  @Test
  void neverSaysNullForAFullTaskEither() throws Exception {
    given(tasks.task(any())).willReturn(TaskFixtures.everyField().task());

    assertThat(render().toLowerCase()).doesNotContain("null");
  }

  @Test
  void showsATaskWithAlmostNothingButItsArn() throws Exception {
    given(tasks.task(any()))
        .willReturn(Task.builder().taskArn(TaskFixtures.TASK_ARN).lastStatus("PENDING").build());

    String page = render();

    assertThat(page).contains(TASK_ID, "PENDING").doesNotContain("Containers", "Why it stopped");
    assertThat(page.toLowerCase()).doesNotContain("null");
  }

  @Test
  void explainsAStopCodeItDoesNotKnowInGeneralWords() throws Exception {
    Task task = TaskFixtures.stopTaskExample().toBuilder().stopCode("SomethingNewFromAws").build();
    given(tasks.task(any())).willReturn(task);

    assertThat(render())
        .contains("SomethingNewFromAws")
        .contains("ECS gave a stop code this dashboard does not know yet");
  }

  @Test
  void hidesEnvironmentOverrideValuesUntilRevealed() throws Exception {
    Task task =
        TaskFixtures.stopTaskExample().toBuilder()
            .overrides(
                TaskOverride.builder()
                    .containerOverrides(
                        ContainerOverride.builder()
                            .name("app")
                            .environment(
                                KeyValuePair.builder().name("DB_PASSWORD").value("hunter2").build())
                            .build())
                    .build())
            .build();
    given(tasks.task(any())).willReturn(task);

    String page = withoutRawJson(render());

    assertThat(page)
        .containsPattern(
            "(?s)<details class=\"masked\">\\s*<summary>Show value</summary>\\s*<code>hunter2</code>");
    assertThat(page).contains("DB_PASSWORD");
  }

  @Test
  void escapesEveryStringFromEcs() throws Exception {
    given(tasks.task(any())).willReturn(TaskFixtures.withPayloads());

    mvc.perform(get(PAGE).with(viewer()))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<script>alert"))))
        .andExpect(content().string(not(containsString("<img src=x"))))
        .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)")));
  }

  @Test
  void hasNoInlineScriptsOrEventHandlers() throws Exception {
    given(tasks.task(any())).willReturn(TaskFixtures.everyField().task());

    // The one script is the dashboard's own file (frontend/), which only enhances the page.
    assertThat(render())
        .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/assets/js/app(-[0-9a-f]{32})?\\.js\")")
        .doesNotContainPattern("\\son[a-z]+=");
  }

  @Test
  void servesTheWireJsonOfTheTask() throws Exception {
    Task task = TaskFixtures.everyField().task();
    given(tasks.task(any())).willReturn(task);

    String json =
        mvc.perform(get(PAGE + ".json").with(viewer()))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(json).isEqualTo(WireJson.toJson(task).toString());
    assertThat(WireJson.fromJson(JsonMapper.builder().build().readTree(json), Task::builder))
        .isEqualTo(task);
  }

  @Test
  void asksTheServiceForTheTaskOfThePath() throws Exception {
    given(tasks.task(any())).willReturn(TaskFixtures.stopTaskExample());

    mvc.perform(get(PAGE).with(viewer()))
        .andExpect(view().name(TaskDetailController.VIEW_DETAIL))
        .andExpect(model().attributeExists("task"));

    then(tasks).should().task(TaskRef.parse(CLUSTER, TASK_ID));
  }

  @Test
  void rejectsAMalformedTaskIdWithoutAskingEcs() throws Exception {
    mvc.perform(get("/clusters/demo/tasks/not-a-task").with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("not-a-task")));

    then(tasks).shouldHaveNoInteractions();
  }

  @Test
  void rejectsAMalformedClusterWithoutAskingEcs() throws Exception {
    mvc.perform(get("/clusters/bad.name/tasks/" + TASK_ID).with(viewer()))
        .andExpect(status().isBadRequest());

    then(tasks).shouldHaveNoInteractions();
  }

  @Test
  void saysWhichTaskWasNotFoundAndWhereToGo() throws Exception {
    given(tasks.task(any()))
        .willThrow(
            new UnknownTaskException(
                "DescribeTasks", CLUSTER, TASK_ID, "MISSING", "ECS does not know it", null));

    mvc.perform(get(PAGE).with(viewer()))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString(TASK_ID)))
        .andExpect(content().string(containsString("href=\"/clusters/demo/tasks\"")));
  }

  @Test
  void saysWhichClusterWasNotFound() throws Exception {
    given(tasks.task(any()))
        .willThrow(
            new UnknownClusterException(
                "DescribeTasks", CLUSTER, "ClusterNotFoundException", "Cluster not found.", null));

    mvc.perform(get(PAGE).with(viewer()))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("no cluster named &quot;demo&quot;")));
  }

  @Test
  void explainsAccessDeniedByAwsWithARetryLink() throws Exception {
    given(tasks.task(any()))
        .willThrow(
            new EcsAccessDeniedException(
                "DescribeTasks", "AccessDeniedException", "not authorized", null));

    mvc.perform(get(PAGE).with(viewer()))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().string(containsString("IAM role")))
        .andExpect(content().string(containsString("href=\"" + PAGE + "\"")));
  }

  private String render() throws Exception {
    return mvc.perform(get(PAGE).with(viewer()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  static String withoutRawJson(String page) {
    return page.replaceAll("(?s)<details class=\"raw-json\">.*?</details>", "");
  }

  static RequestPostProcessor viewer() {
    return user("viewer").roles("VIEWER");
  }
}
