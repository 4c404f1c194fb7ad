package dev.ecsdashboard.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import dev.ecsdashboard.security.ClusterAccess;
import dev.ecsdashboard.security.DashboardWebMvcTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ActivityController.class)
@DashboardWebMvcTest
@Import(ClusterAccess.class)
@EnableConfigurationProperties(AuditProperties.class)
class ActivityControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean AuditStore store;

  @Test
  void showsAnOperatorOnlyTheirOwnStopsWithTheTagsTheTaskHad() throws Exception {
    given(store.find(eq(new AuditFilter("operator", null, null, null)), eq(0), anyInt()))
        .willReturn(new AuditPage(List.of(entry()), 0, 50, 1));

    mvc.perform(get("/activity").param("user", "admin").with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(view().name(ActivityController.VIEW))
        .andExpect(content().string(containsString("Your stop attempts")))
        .andExpect(content().string(containsString("<code>team</code> = <code>payments</code>")))
        .andExpect(content().string(containsString("operator: patching")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "href=\"/clusters/prod/tasks/"
                            + AuditStoreContract.ARN.substring(
                                AuditStoreContract.ARN.lastIndexOf('/') + 1)
                            + "\"")));
  }

  @Test
  void showsAnAdminEveryoneFilteredAsAsked() throws Exception {
    AuditFilter filter = new AuditFilter("alice", "prod", AuditOutcome.UNKNOWN, null);
    given(store.find(eq(filter), eq(1), anyInt())).willReturn(new AuditPage(List.of(), 1, 50, 51));

    mvc.perform(
            get("/activity")
                .param("user", "alice")
                .param("cluster", "prod")
                .param("outcome", "unknown")
                .param("page", "1")
                .with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Every stop attempt by every user")))
        .andExpect(content().string(containsString("Page <span>2</span> of <span>2</span>")));
    then(store).should().find(eq(filter), eq(1), anyInt());
  }

  /** Group, tags and errors were ECS's; a reason typed before today's rules may hold fillers. */
  @Test
  void marksInvisibleCharactersOfWhatEcsAndOlderRecordsHeld() throws Exception {
    AuditEntry hostile =
        entry(
            "service:web\u202e",
            Map.of("team\u200b", "pay\u202ements"),
            "patching\u3164",
            AuditOutcome.FAILED,
            "Rate\u2066 exceeded");
    given(store.find(eq(new AuditFilter("operator", null, null, null)), eq(0), anyInt()))
        .willReturn(new AuditPage(List.of(hostile), 0, 50, 1));

    String marker = "<span class=\"invisible-char\" title=\"invisible character U+";
    mvc.perform(get("/activity").with(user("operator").roles("OPERATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("service:web" + marker + "202E\">\\u202E")))
        .andExpect(content().string(containsString("team" + marker + "200B\">\\u200B")))
        .andExpect(content().string(containsString("pay" + marker + "202E\">\\u202E")))
        .andExpect(content().string(containsString("patching" + marker + "3164\">\\u3164")))
        .andExpect(content().string(containsString("Rate" + marker + "2066\">\\u2066")))
        .andExpect(content().string(not(containsString("\u202e"))))
        .andExpect(content().string(not(containsString("\u3164"))));
  }

  @Test
  void showsARequestRefusedAsAWholeAsOneEntryWithItsTaskCountAndStopsNotSent() throws Exception {
    AuditEntry refused =
        new AuditEntry(
            2,
            Instant.parse("2026-11-29T10:00:00Z"),
            Instant.parse("2026-11-29T10:00:00Z"),
            new StopAttempt(null, "viewer", "prod", null, null, null, "x", null),
            AuditOutcome.REFUSED,
            "AccessDenied",
            "viewer may not stop tasks of cluster prod.",
            1000);
    AuditEntry notSent =
        new AuditEntry(
            3,
            Instant.parse("2026-11-29T10:00:00Z"),
            Instant.parse("2026-11-29T10:05:00Z"),
            entry().attempt(),
            AuditOutcome.NOT_SENT,
            "NotSent",
            "never sent",
            1);
    given(store.find(any(), eq(0), anyInt()))
        .willReturn(new AuditPage(List.of(refused, notSent), 0, 50, 2));

    mvc.perform(get("/activity").with(user("admin").roles("ADMIN")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<span>1000</span> tasks named")))
        .andExpect(content().string(containsString(">NOT SENT</span>")));
  }

  private static AuditEntry entry() {
    return entry("service:web", Map.of("team", "payments"), "patching", AuditOutcome.STOPPED, null);
  }

  private static AuditEntry entry(
      String group,
      Map<String, String> tags,
      String reason,
      AuditOutcome outcome,
      String errorMessage) {
    return new AuditEntry(
        1,
        Instant.parse("2026-11-29T10:00:00Z"),
        Instant.parse("2026-11-29T10:00:01Z"),
        new StopAttempt(
            null,
            "operator",
            "prod",
            AuditStoreContract.ARN,
            group,
            tags,
            reason,
            "operator: " + reason),
        outcome,
        errorMessage == null ? null : "ThrottlingException",
        errorMessage);
  }
}
