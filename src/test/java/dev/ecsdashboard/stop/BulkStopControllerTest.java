package dev.ecsdashboard.stop;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ecsdashboard.audit.AuditStore;
import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(BulkStopController.class)
@DashboardWebMvcTest
@Import({ReasonPolicy.class, ClusterAccess.class})
@EnableConfigurationProperties(StopProperties.class)
class BulkStopControllerTest {

  private static final String BATCH = "5f2b1c0e-8a4d-4e6f-9b3a-2c1d0e9f8a7b";

  private static final String A = "0123456789abcdef0123456789abcdef";
  private static final String B = "fedcba9876543210fedcba9876543210";

  @Autowired MockMvc mvc;
  @MockitoBean BulkStopService bulk;
  @MockitoBean AuditStore audit;

  @Test
  void confirmsAllMatchingWithTheirCountAndAsksForTheClusterName() throws Exception {
    given(bulk.maxTasks()).willReturn(1000);
    given(bulk.matching(eq(ClusterRef.of("prod")), any(TaskQuery.class))).willReturn(List.of(A, B));

    mvc.perform(
            get("/clusters/prod/bulk-stop")
                .param("all", "true")
                .param("serviceName", "web")
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Stop all <span>2</span> tasks matching")))
        .andExpect(content().string(containsString("Type the cluster name")))
        .andExpect(content().string(containsString("value=\"web\"")))
        // The form posts all=true back (Thymeleaf's th:field made a field named "all" into "*").
        .andExpect(content().string(containsString("name=\"all\" value=\"true\"")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"*\""))));
  }

  @Test
  void refusesAllMatchingWithoutTheClusterNameAndStartsNothing() throws Exception {
    given(bulk.maxTasks()).willReturn(1000);
    given(bulk.start(any(BulkStopRequest.class)))
        .willThrow(
            new InvalidStopInputException("confirmCluster", "stop.confirm-cluster.mismatch"));

    mvc.perform(
            post("/clusters/prod/bulk-stop")
                .param("all", "true")
                .param("reason", "cleanup")
                .param("confirmCluster", "prod-typo")
                .with(csrf())
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            model()
                .attributeHasFieldErrorCode(
                    "form", "confirmCluster", "stop.confirm-cluster.mismatch"))
        .andExpect(content().string(containsString("Type the cluster name exactly")));
    then(bulk).should(never()).matching(any(), any());
  }

  @Test
  void saysSoWhenNoTaskMatchesTheFilterAndStartsNothing() throws Exception {
    given(bulk.maxTasks()).willReturn(1000);
    given(bulk.start(any(BulkStopRequest.class)))
        .willThrow(new InvalidStopInputException("all", "stop.tasks.none-matching"));

    mvc.perform(
            post("/clusters/prod/bulk-stop")
                .param("all", "true")
                .param("family", "nothing-runs-this")
                .param("reason", "cleanup")
                .param("confirmCluster", "prod")
                .with(csrf())
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().string(containsString("No task matches this filter; nothing was stopped.")))
        .andExpect(content().string(containsString("value=\"nothing-runs-this\"")));
  }

  @Test
  void startsTheSelectedTasksWithOneReasonAndShowsTheResult() throws Exception {
    given(bulk.maxTasks()).willReturn(1000);
    BulkStop batch =
        new BulkStop(
            BATCH,
            "operator",
            ClusterRef.of("prod"),
            "cleanup",
            "operator: cleanup",
            Instant.now(),
            List.of(TaskRef.parse("prod", A), TaskRef.parse("prod", B)));
    given(
            bulk.start(
                argThat(
                    (BulkStopRequest r) ->
                        r.cluster().equals("prod")
                            && r.tasks().equals(List.of(A, B, A))
                            && r.reason().equals("cleanup")
                            && r.allMatching() == null
                            && !r.dryRun())))
        .willReturn(batch);
    given(bulk.find(BATCH)).willReturn(java.util.Optional.of(batch));

    mvc.perform(
            post("/clusters/prod/bulk-stop")
                .param("task", A, B, A)
                .param("reason", "cleanup")
                .with(csrf())
                .with(user("operator").roles("OPERATOR")))
        .andExpect(redirectedUrl("/clusters/prod/bulk-stop/" + BATCH));

    mvc.perform(get("/clusters/prod/bulk-stop/" + BATCH).with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("http-equiv=\"refresh\"")))
        .andExpect(content().string(containsString("operator: cleanup")))
        .andExpect(content().string(containsString("data-outcome=\"WAITING\"")));
  }

  @Test
  void rejectsABadReasonForTheWholeBatch() throws Exception {
    given(bulk.maxTasks()).willReturn(1000);
    given(bulk.start(any(BulkStopRequest.class)))
        .willThrow(
            new InvalidStopReasonException(
                List.of(new ReasonViolation(ReasonViolation.INVISIBLE, 0))));

    mvc.perform(
            post("/clusters/prod/bulk-stop")
                .param("task", A)
                .param("reason", "line\nbreak")
                .with(csrf())
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("control or invisible characters")));
  }

  @Test
  void refusesAMalformedBulkStopIdWithoutLookingItUp() throws Exception {
    mvc.perform(
            get("/clusters/prod/bulk-stop/{id}", "<script>x")
                .with(user("operator").roles("OPERATOR")))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("bulk stop ID")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>x"))));

    then(bulk).shouldHaveNoInteractions();
  }
}
