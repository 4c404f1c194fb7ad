package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;

class TaskQueryTest {

  @Test
  void passesValidFiltersOnToListTasks() {
    TaskQuery query =
        new TaskQuery(
            DesiredStatus.STOPPED,
            "web-api_2",
            null,
            "ecs-svc/1234567890123456789",
            LaunchType.EC2,
            "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/765936fa");

    ListTasksRequest request = applied(query);

    assertThat(request.desiredStatus()).isEqualTo(DesiredStatus.STOPPED);
    assertThat(request.serviceName()).isEqualTo("web-api_2");
    assertThat(request.startedBy()).isEqualTo("ecs-svc/1234567890123456789");
    assertThat(request.launchType()).isEqualTo(LaunchType.EC2);
    assertThat(request.containerInstance()).endsWith("/765936fa");
  }

  @Test
  void asksForRunningTasksExplicitlyWhenNoDesiredStatusIsGiven() {
    // ECS defaults to RUNNING; moto_server lists tasks of every status instead.
    assertThat(TaskQuery.ALL_RUNNING.desiredStatus()).isEqualTo(DesiredStatus.RUNNING);
    assertThat(applied(new TaskQuery(null, "web", null, null, null, null)).desiredStatus())
        .isEqualTo(DesiredStatus.RUNNING);
  }

  @Test
  void sendsStartedByAloneAsEcsRequires() {
    // ECS answers "cannot specify startedBy with other arguments", desiredStatus included.
    assertThat(applied(new TaskQuery(null, null, null, "ci", null, null)).desiredStatus()).isNull();
  }

  @Test
  void rejectsStatusesAndLaunchTypesTheSdkDoesNotKnow() {
    // What DesiredStatus.fromValue and LaunchType.fromValue make of a value they do not know;
    // passed on, the SDK would send no filter at all.
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(
            () -> new TaskQuery(DesiredStatus.fromValue("DONE"), null, null, null, null, null))
        .satisfies(e -> assertThat(e.field()).isEqualTo("desiredStatus"));
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(
            () -> new TaskQuery(null, null, null, null, LaunchType.fromValue("LAMBDA"), null))
        .satisfies(e -> assertThat(e.field()).isEqualTo("launchType"));
  }

  @Test
  void treatsBlankFiltersAsAbsent() {
    TaskQuery query = new TaskQuery(null, " ", "", "\t", null, "  ");

    assertThat(query.serviceName()).isNull();
    assertThat(query.family()).isNull();
    assertThat(query.startedBy()).isNull();
    assertThat(query.containerInstance()).isNull();
  }

  static Stream<String> malformedNames() {
    return Stream.of(
        "web api", "web/../x", "web\n", "web\u0000", "<b>", "web:3", "wëb", "s".repeat(256));
  }

  @ParameterizedTest
  @MethodSource("malformedNames")
  void rejectsMalformedServiceNamesAndFamilies(String value) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> new TaskQuery(null, value, null, null, null, null))
        .satisfies(e -> assertThat(e.field()).isEqualTo("serviceName"));
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> new TaskQuery(null, null, value, null, null, null))
        .satisfies(e -> assertThat(e.field()).isEqualTo("family"));
  }

  static Stream<String> malformedStartedBy() {
    return Stream.of("alice smith", "alice@example.com", "alice\r\n", "a".repeat(129));
  }

  @ParameterizedTest
  @MethodSource("malformedStartedBy")
  void rejectsMalformedStartedBy(String value) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> new TaskQuery(null, null, null, value, null, null))
        .satisfies(e -> assertThat(e.field()).isEqualTo("startedBy"));
  }

  static Stream<String> malformedContainerInstances() {
    return Stream.of("ci 1", "ci\u0007", "ci?x=1", "c".repeat(1601));
  }

  @ParameterizedTest
  @MethodSource("malformedContainerInstances")
  void rejectsMalformedContainerInstances(String value) {
    assertThatExceptionOfType(InvalidReferenceException.class)
        .isThrownBy(() -> new TaskQuery(null, null, null, null, null, value))
        .satisfies(e -> assertThat(e.field()).isEqualTo("containerInstance"));
  }

  static ListTasksRequest applied(TaskQuery query) {
    ListTasksRequest.Builder request = ListTasksRequest.builder();
    query.applyTo(request);
    return request.build();
  }
}
