package dev.ecsdashboard.cluster;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.ecs.model.Cluster;

@WebMvcTest(ClusterController.class)
@DashboardWebMvcTest
class ClusterControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean ClusterService clusters;

  @Test
  void listsClustersWithTheirCounts() throws Exception {
    given(clusters.clusters())
        .willReturn(
            List.of(
                Cluster.builder()
                    .clusterName("default")
                    .status("ACTIVE")
                    .runningTasksCount(7)
                    .pendingTasksCount(2)
                    .activeServicesCount(3)
                    .registeredContainerInstancesCount(4)
                    .build()));

    mvc.perform(get("/clusters").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(view().name(ClusterController.VIEW_LIST))
        .andExpect(model().attributeExists("clusters"))
        .andExpect(content().string(containsString("href=\"/clusters/default/tasks\"")))
        .andExpect(content().string(containsString(">7<")))
        .andExpect(content().string(containsString("Demo data: not a real AWS account")));
  }

  @Test
  void marksInvisibleCharactersOfClusterNamesAndStatuses() throws Exception {
    given(clusters.clusters())
        .willReturn(
            List.of(
                Cluster.builder()
                    .clusterName("prod\u202e-web\u200b")
                    .status("ACTIVE\u3164")
                    .build()));

    mvc.perform(get("/clusters").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "prod<span class=\"invisible-char\" title=\"invisible character U+202E\">"
                            + "\\u202E</span>-web<span class=\"invisible-char\" title=\"invisible"
                            + " character U+200B\">\\u200B</span></a>")))
        .andExpect(content().string(containsString("ACTIVE<span class=\"invisible-char\"")))
        .andExpect(content().string(containsString("Stopped tasks of prod\\u202E-web\\u200B")))
        .andExpect(content().string(not(containsString("\u202e"))))
        .andExpect(content().string(not(containsString("\u200b"))))
        .andExpect(content().string(not(containsString("\u3164"))));
  }

  @Test
  void sendsAnonymousVisitorsToSignIn() throws Exception {
    mvc.perform(get("/clusters"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void explainsThrottlingWithARetryLink() throws Exception {
    given(clusters.clusters())
        .willThrow(
            new EcsThrottledException(
                "ListClusters", "ThrottlingException", "Rate exceeded", null));

    mvc.perform(get("/clusters").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().string(containsString("throttling")))
        .andExpect(content().string(containsString("href=\"/clusters\"")));
  }
}
