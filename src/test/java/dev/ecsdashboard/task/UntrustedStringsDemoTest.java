package dev.ecsdashboard.task;

import static dev.ecsdashboard.task.TaskFixtures.PAYLOAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdashboard.ecs.demo.DemoEcs;
import dev.ecsdashboard.support.DemoAppTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Strings ECS returns are untrusted: a stopped demo task is replaced, for the length of a test, by
 * one carrying HTML and script in its tags, names, reasons, environment and attachment details.
 */
@DemoAppTest
class UntrustedStringsDemoTest {

  static final String CLUSTER = "default";

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
    demo.putTask(CLUSTER, withPayloads(original));
  }

  @AfterEach
  void restoreTheTask() {
    demo.putTask(CLUSTER, original);
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

  private String id() {
    return TaskNames.lastPart(original.taskArn());
  }

  private static void assertEscaped(String page) {
    assertThat(page).doesNotContain("<script>alert", "<img");
  }

  private static Task withPayloads(Task task) {
    return task.toBuilder()
        .group("service:" + PAYLOAD)
        .stoppedReason(PAYLOAD)
        .startedBy(PAYLOAD)
        .tags(Tag.builder().key(PAYLOAD).value(PAYLOAD).build())
        .containers(
            Container.builder()
                .name(PAYLOAD)
                .image(PAYLOAD)
                .reason(PAYLOAD)
                .lastStatus("STOPPED")
                .build())
        .attachments(
            Attachment.builder()
                .id(PAYLOAD)
                .type("ElasticNetworkInterface")
                .details(KeyValuePair.builder().name(PAYLOAD).value(PAYLOAD).build())
                .build())
        .overrides(
            TaskOverride.builder()
                .containerOverrides(
                    ContainerOverride.builder()
                        .name(PAYLOAD)
                        .command(List.of(PAYLOAD))
                        .environment(KeyValuePair.builder().name(PAYLOAD).value(PAYLOAD).build())
                        .build())
                .build())
        .build();
  }
}
