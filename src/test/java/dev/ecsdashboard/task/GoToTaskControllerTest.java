package dev.ecsdashboard.task;

import static dev.ecsdashboard.task.TaskDetailControllerTest.viewer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.ecsdashboard.ecs.ArnScope;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({GoToTaskController.class, ClusterArnController.class})
@DashboardWebMvcTest
class GoToTaskControllerTest {

  static final String ID = "666fdccc2e2d4b6894dd422f4eeee8f8";
  static final String UUID = "1dc5c17a-422b-4dc4-b493-371970c6c4d6";
  static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:";

  @Autowired MockMvc mvc;

  @TestConfiguration
  static class Scope {
    @Bean
    ArnScope arnScope() {
      return new ArnScope("us-east-1", "123456789012");
    }
  }

  @Test
  void opensATaskIdInTheDefaultCluster() throws Exception {
    mvc.perform(get("/go").param("task", ID).with(viewer()))
        .andExpect(redirectedUrl("/clusters/default/tasks/" + ID));
  }

  @Test
  void opensATaskIdInTheGivenCluster() throws Exception {
    mvc.perform(
            get("/go")
                .param("task", " " + ID.toUpperCase() + " ")
                .param("cluster", "prod-web")
                .with(viewer()))
        .andExpect(redirectedUrl("/clusters/prod-web/tasks/" + ID));
  }

  @Test
  void opensATaskArnInTheClusterItNames() throws Exception {
    mvc.perform(get("/go").param("task", PREFIX + "task/prod-web/" + ID).with(viewer()))
        .andExpect(redirectedUrl("/clusters/prod-web/tasks/" + ID));
  }

  @Test
  void opensAnOldFormatTaskArnInTheGivenCluster() throws Exception {
    mvc.perform(
            get("/go")
                .param("task", PREFIX + "task/" + UUID)
                .param("cluster", "moto")
                .with(viewer()))
        .andExpect(redirectedUrl("/clusters/moto/tasks/" + UUID));
  }

  @Test
  void keepsWhatWasTypedWhenItIsNotATask() throws Exception {
    mvc.perform(get("/go").param("task", "not-a-task").param("cluster", "prod-web").with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(view().name(GoToTaskController.VIEW_GO))
        .andExpect(content().string(containsString("value=\"not-a-task\"")))
        .andExpect(content().string(containsString("value=\"prod-web\"")))
        .andExpect(content().string(containsString("32 hexadecimal characters")));
  }

  @Test
  void refusesATaskArnOfAnotherRegion() throws Exception {
    mvc.perform(
            get("/go")
                .param("task", "arn:aws:ecs:eu-west-1:123456789012:task/prod-web/" + ID)
                .with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("region eu-west-1")));
  }

  @Test
  void refusesAnArnWhoseClusterDisagreesWithTheGivenOne() throws Exception {
    mvc.perform(
            get("/go")
                .param("task", PREFIX + "task/prod-web/" + ID)
                .param("cluster", "staging")
                .with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("names cluster prod-web")));
  }

  @Test
  void showsTheEmptyFormWhenNothingWasTyped() throws Exception {
    mvc.perform(get("/go").with(viewer()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Go to a task")))
        .andExpect(content().string(not(containsString("role=\"alert\""))));
  }

  @Test
  void escapesWhatWasTyped() throws Exception {
    mvc.perform(get("/go").param("task", TaskFixtures.PAYLOAD).with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(not(containsString("<script>alert"))));
  }

  @Test
  void everyPageHasTheGoToTaskBox() throws Exception {
    mvc.perform(get("/go").with(viewer()))
        .andExpect(
            content().string(containsString("<form class=\"go\" method=\"get\" action=\"/go\"")))
        .andExpect(content().string(containsString("<label for=\"go-task\">Go to task</label>")));
  }

  @Test
  void redirectsAClusterArnInTheTasksUrlToTheName() throws Exception {
    mvc.perform(get("/clusters/" + PREFIX + "cluster/prod-web/tasks?family=web").with(viewer()))
        .andExpect(redirectedUrl("/clusters/prod-web/tasks?family=web"));
  }

  @Test
  void redirectsAClusterArnInTheTaskUrlToTheName() throws Exception {
    mvc.perform(get("/clusters/" + PREFIX + "cluster/prod-web/tasks/" + ID).with(viewer()))
        .andExpect(redirectedUrl("/clusters/prod-web/tasks/" + ID));
  }

  @Test
  void redirectsAClusterArnInTheRawJsonUrlToTheName() throws Exception {
    mvc.perform(
            get("/clusters/" + PREFIX + "cluster/prod-web/tasks/" + ID + ".json").with(viewer()))
        .andExpect(redirectedUrl("/clusters/prod-web/tasks/" + ID + ".json"));
  }

  @Test
  void refusesAClusterArnOfAnotherAccount() throws Exception {
    mvc.perform(
            get("/clusters/arn:aws:ecs:us-east-1:999999999999:cluster/prod-web/tasks")
                .with(viewer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("account 999999999999")));
  }
}
