package dev.ecsdashboard.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.TaskQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;

class TaskFilterTest {

  @Test
  void mapsEachFilterOntoListTasks() {
    TaskFilter filter = new TaskFilter("stopped", " api ", "", null, "fargate");

    assertThat(filter.toQuery())
        .isEqualTo(
            new TaskQuery(DesiredStatus.STOPPED, "api", null, null, LaunchType.FARGATE, null));
  }

  @Test
  void sendsStartedByWithoutTheDefaultStatusSinceEcsTakesItOnlyAlone() {
    assertThat(new TaskFilter("RUNNING", null, null, "ci", null).toQuery().desiredStatus())
        .isNull();
    assertThat(new TaskFilter("STOPPED", null, null, "ci", null).toQuery().desiredStatus())
        .isEqualTo(DesiredStatus.STOPPED);
  }

  @Test
  void rejectsAStatusOrLaunchTypeEcsDoesNotKnowNamingIt() {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> new TaskFilter("DONE", null, null, null, null).toQuery())
        .satisfies(e -> assertThat(e.value()).isEqualTo("DONE"));
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> new TaskFilter(null, null, null, null, "LAMBDA").toQuery())
        .satisfies(e -> assertThat(e.field()).isEqualTo("launchType"));
  }

  @Test
  void linksWithOnlyTheFiltersThatAreSetEncodingTokensStrictly() {
    TaskFilter filter = new TaskFilter(null, null, "web", null, null);

    assertThat(filter.link("prod", Map.of("page", "a+b/c= d")))
        .isEqualTo("/clusters/prod/tasks?family=web&page=a%2Bb%2Fc%3D+d");
    assertThat(new TaskFilter(null, null, null, null, null).link("prod", Map.of()))
        .isEqualTo("/clusters/prod/tasks");
  }
}
