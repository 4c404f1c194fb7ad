package dev.ecsdashboard.task;

import static dev.ecsdashboard.task.TaskFixtures.PAYLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdashboard.demo.DemoEcs;
import dev.ecsdashboard.demo.DemoTestHooks;
import dev.ecsdashboard.support.DemoAppTest;
import dev.ecsdashboard.text.VisibleText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Strings ECS returns are untrusted: a stopped demo task is replaced, for the length of a test, by
 * one carrying HTML and script in its tags, names, reasons, environment and attachment details,
 * followed by invisible characters (a bidirectional override that reverses the text after it, a
 * zero-width space, a Hangul filler...). Pages escape the markup and show each invisible character
 * as a marked {@code \}{@code u202E}; the raw JSON stays exactly what ECS sent.
 */
@DemoAppTest
class UntrustedStringsDemoTest {

  static final String CLUSTER = "default";

  /** Invisible characters, each with the marker a page shows in its place. */
  static final Map<String, String> INVISIBLE =
      Map.of(
          "\u202e", "\\u202E",
          "\u200b", "\\u200B",
          "\u3164", "\\u3164",
          "\u034f", "\\u034F",
          "\ufe0f", "\\uFE0F",
          "\u2066", "\\u2066",
          "\udb40\udc01", "\\u{E0001}");

  static final String HOSTILE =
      PAYLOAD + "gnp.\u202eexe\u200b \u3164\u034f\ufe0f\u2066\udb40\udc01";

  @Autowired MockMvc mvc;
  @Autowired DemoEcs demo;

  Task original;

  @BeforeEach
  void putTaskFullOfPayloads() {
    original =
        demo.tasks(CLUSTER).stream()
            .filter(t -> "STOPPED".equals(t.lastStatus()))
            .findFirst()
            .orElseThrow();
    DemoTestHooks.putTask(demo, CLUSTER, withPayloads(original));
  }

  @AfterEach
  void restoreTheTask() {
    DemoTestHooks.putTask(demo, CLUSTER, original);
  }

  @Test
  void theTaskPageShowsEveryPayloadAsText() throws Exception {
    String page = new PageScraper(mvc).page("/clusters/" + CLUSTER + "/tasks/" + id());

    assertEscaped(page);
    assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void theTasksPageShowsEveryPayloadAsText() throws Exception {
    String page =
        new PageScraper(mvc).page("/clusters/" + CLUSTER + "/tasks?desiredStatus=STOPPED");

    assertThat(PageScraper.taskIds(page)).contains(id());
    assertEscaped(page);
  }

  @Test
  void theTaskPageMarksEveryInvisibleCharacterAndShowsNoneRaw() throws Exception {
    String page = new PageScraper(mvc).page("/clusters/" + CLUSTER + "/tasks/" + id());

    assertMarkedNeverRaw(page);
  }

  @Test
  void theTasksPageMarksEveryInvisibleCharacterAndShowsNoneRaw() throws Exception {
    String page =
        new PageScraper(mvc).page("/clusters/" + CLUSTER + "/tasks?desiredStatus=STOPPED");

    assertMarkedNeverRaw(page);
    // The stopped reason in the stop code's tooltip is written out too (no markup in attributes).
    assertThat(page).containsPattern("title=\"[^\"]*gnp\\.\\\\u202Eexe\\\\u200B");
  }

  @Test
  void theStopConfirmationMarksTheTagsToBeDeletedAndTheService() throws Exception {
    String page =
        body(
            get("/clusters/" + CLUSTER + "/tasks/" + id() + "/stop")
                .with(user("operator").roles("OPERATOR")));

    assertThat(page).contains("ECS deletes all of the task");
    assertMarkedNeverRaw(page);
  }

  @Test
  void theRawJsonKeepsWhatEcsSentExactly() throws Exception {
    String json =
        body(
            get("/clusters/" + CLUSTER + "/tasks/" + id() + ".json")
                .with(user("viewer").roles("VIEWER")));

    JsonNode task = new ObjectMapper().readTree(json);
    assertThat(task.path("group").asText()).isEqualTo("service:" + HOSTILE);
    assertThat(task.path("tags").get(0).path("value").asText()).isEqualTo(HOSTILE);
  }

  @Test
  void theRawJsonIsServedAsJsonNotHtml() throws Exception {
    String json =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/clusters/" + CLUSTER + "/tasks/" + id() + ".json")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user("viewer")
                            .roles("VIEWER")))
            .andReturn()
            .getResponse()
            .getContentType();

    assertThat(json).startsWith("application/json");
  }

  private String body(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private String id() {
    return TaskNames.lastPart(original.taskArn());
  }

  private static void assertEscaped(String page) {
    assertThat(page).doesNotContain("<script>alert", "<img");
  }

  /**
   * Each planted invisible character is shown as its marker, and no invisible character at all (by
   * the dashboard's definition) is in the page but the line breaks and tabs of its markup.
   */
  private static void assertMarkedNeverRaw(String page) {
    INVISIBLE.forEach(
        (character, marker) ->
            assertThat(page)
                .contains(
                    "<span class=\"invisible-char\" title=\"invisible character U+"
                        + marker.substring(marker.indexOf('u') + 1).replaceAll("[{}]", "")
                        + "\">"
                        + marker
                        + "</span>")
                .doesNotContain(character));
    assertThat(
            page.codePoints()
                .filter(c -> c != '\n' && c != '\r' && c != '\t')
                .filter(VisibleText::isInvisible)
                .mapToObj(c -> String.format("U+%04X", c)))
        .as("invisible characters shown raw")
        .isEmpty();
  }

  private static Task withPayloads(Task task) {
    return task.toBuilder()
        .group("service:" + HOSTILE)
        .stoppedReason(HOSTILE)
        .healthStatus("UNKNOWN\u202e \u3164ok")
        .startedBy(HOSTILE)
        .tags(Tag.builder().key(HOSTILE).value(HOSTILE).build())
        .containers(
            Container.builder()
                .name(HOSTILE)
                .image(HOSTILE)
                .reason(HOSTILE)
                .lastStatus("STOPPED")
                .build())
        .attachments(
            Attachment.builder()
                .id(HOSTILE)
                .type("ElasticNetworkInterface")
                .details(KeyValuePair.builder().name(HOSTILE).value(HOSTILE).build())
                .build())
        .overrides(
            TaskOverride.builder()
                .containerOverrides(
                    ContainerOverride.builder()
                        .name(HOSTILE)
                        .command(List.of(HOSTILE))
                        .environment(KeyValuePair.builder().name(HOSTILE).value(HOSTILE).build())
                        .build())
                .build())
        .build();
  }
}
