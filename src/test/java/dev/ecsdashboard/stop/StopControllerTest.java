package dev.ecsdashboard.stop;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.ecsdashboard.ecs.TaskRef;
import dev.ecsdashboard.security.ClusterAccess;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(StopController.class)
@DashboardWebMvcTest
@Import({ReasonPolicy.class, ClusterAccess.class})
@EnableConfigurationProperties(StopProperties.class)
class StopControllerTest {

  private static final String ID = StopServiceTest.ID;
  private static final String URL = "/clusters/prod/tasks/" + ID + "/stop";
  private static final TaskRef REF = TaskRef.parse("prod", ID);

  @Autowired MockMvc mvc;
  @MockitoBean StopService stops;

  @Test
  void showsWhatAStopDoesWithCancelAsTheDefaultButton() throws Exception {
    given(stops.preview(REF))
        .willReturn(new StopPreview(StopServiceTest.running(), false, true, 245, true));

    mvc.perform(get(URL).with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(view().name(StopController.VIEW_CONFIRM))
        .andExpect(content().string(containsString("SIGTERM")))
        .andExpect(content().string(containsString("SIGKILL")))
        .andExpect(content().string(containsString("30</span> seconds")))
        .andExpect(content().string(containsString("<code>team</code> = <code>payments</code>")))
        .andExpect(content().string(containsString("its scheduler will start a replacement")))
        .andExpect(content().string(containsString(">245</strong> left")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<button type=\"submit\" name=\"cancel\" value=\"true\" class=\"primary\""
                            + " autofocus>Cancel</button>")));
  }

  @Test
  void saysStoppingAStoppedTaskIsHarmless() throws Exception {
    given(stops.preview(REF))
        .willReturn(new StopPreview(StopServiceTest.stopped(), true, true, 245, true));

    mvc.perform(get(URL).with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("already been stopped")))
        .andExpect(content().string(containsString("harmless")));
  }

  @Test
  void stopsAndGoesBackToTheTaskWithAMessage() throws Exception {
    given(stops.stop(eq("prod"), eq(ID), eq("patching"), eq(false), any()))
        .willReturn(
            new StopResult(
                StopOutcome.STOPPED, StopServiceTest.stopping(), "operator: patching", 1L));

    mvc.perform(stopWith("patching"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/clusters/prod/tasks/" + ID))
        .andExpect(flash().attribute("stopFlash", "stop.flash.stopped"))
        .andExpect(flash().attribute("stopFlashReason", "operator: patching"));
  }

  @Test
  void rejectsAnEmptyReasonKeepsTheFormAndCallsNothing() throws Exception {
    serviceRefusesTheReason();
    mvc.perform(stopWith("   "))
        .andExpect(status().isUnprocessableContent())
        .andExpect(view().name(StopController.VIEW_CONFIRM))
        .andExpect(model().attributeHasFieldErrorCode("form", "reason", "StopReason"))
        .andExpect(content().string(containsString("Say why you stop this task")))
        .andExpect(content().string(containsString("value=\"   \"")));
  }

  @Test
  void rejectsAControlCharacterAndKeepsWhatWasTyped() throws Exception {
    serviceRefusesTheReason();
    mvc.perform(stopWith("drain\u202enode"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("control or invisible characters")))
        .andExpect(content().string(containsString("value=\"drain\u202enode\"")));
  }

  @Test
  void rejectsAReasonOneOverTheLimitForThisUserAndSaysTheLimit() throws Exception {
    String reason = "x".repeat(246);
    serviceRefusesTheReason();
    mvc.perform(stopWith(reason))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("at most 245 characters")))
        .andExpect(content().string(containsString(">-1</strong> left")))
        .andExpect(content().string(containsString("value=\"" + reason + "\"")));
  }

  @Test
  void refusesAFieldTheFormDoesNotHaveAndStopsNothing() throws Exception {
    // As the service does: the caller's check of its fields runs once the access rule passed.
    given(stops.stop(eq("prod"), eq(ID), eq("patching"), eq(false), any()))
        .willAnswer(
            i -> {
              i.<Runnable>getArgument(4).run();
              throw new AssertionError("stopped despite an unknown field");
            });

    for (String field : List.of("dryRun", "dryrun", "task[0]", "force")) {
      mvc.perform(stopWith("patching").param(field, "true"))
          .andExpect(status().isBadRequest())
          .andExpect(content().string(containsString("nothing was stopped")));
    }
  }

  private void serviceRefusesTheReason() {
    given(stops.stop(eq("prod"), eq(ID), anyString(), eq(false), any()))
        .willThrow(
            new InvalidStopReasonException(
                List.of(new ReasonViolation(ReasonViolation.REQUIRED, 0))));
  }

  @Test
  void refusesAPostWithoutCsrfToken() throws Exception {
    mvc.perform(post(URL).param("reason", "patching").with(user("operator").roles("OPERATOR")))
        .andExpect(status().isForbidden());
    then(stops).shouldHaveNoInteractions();
  }

  @Test
  void cancelStopsNothing() throws Exception {
    mvc.perform(stopWith("patching").param("cancel", "true"))
        .andExpect(redirectedUrl("/clusters/prod/tasks/" + ID));
    then(stops).shouldHaveNoInteractions();
  }

  @Test
  void refusesTheFormToAViewer() throws Exception {
    mvc.perform(get(URL).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isForbidden())
        .andExpect(content().string(not(containsString("Stop task"))));
  }

  private static MockHttpServletRequestBuilder stopWith(String reason) {
    return post(URL).param("reason", reason).with(csrf()).with(user("operator").roles("OPERATOR"));
  }
}
