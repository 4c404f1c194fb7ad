package dev.ecsdashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdashboard.ecs.ClusterRef;
import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.EcsUnavailableException;
import dev.ecsdashboard.ecs.TaskQuery;
import dev.ecsdashboard.ecs.UnknownClusterException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

/**
 * Every error the simulation answers surfaces as the SDK's own exception, unmarshalled from the
 * wire, and then as the dashboard's exception through {@code EcsTemplate}.
 */
class DemoEcsErrorsTest {

  private final DemoFixture demo =
      new DemoFixture(DemoFixture.properties(Duration.ofSeconds(5), Duration.ofSeconds(15), 2));

  @AfterEach
  void close() {
    demo.close();
  }

  @Test
  void answersAnUnknownClusterAsClusterNotFound() {
    assertThatThrownBy(() -> demo.client.listTasks(r -> r.cluster("nope")))
        .isInstanceOfSatisfying(
            ClusterNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFoundException");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
            });
    assertThatThrownBy(
            () -> demo.template.listTasks(ClusterRef.of("nope"), TaskQuery.ALL_RUNNING, null, 10))
        .isInstanceOfSatisfying(
            UnknownClusterException.class, e -> assertThat(e.cluster()).isEqualTo("nope"));
  }

  @Test
  void answersRejectedParametersAsInvalidParameter() {
    TaskQuery startedByAndFamily = new TaskQuery(null, null, "checkout-api", "me", null, null);

    assertThatThrownBy(
            () -> demo.template.listTasks(ClusterRef.of("prod-web"), startedByAndFamily, null, 10))
        .isInstanceOfSatisfying(
            EcsInvalidParameterException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("InvalidParameterException");
              assertThat(e.getCause()).isInstanceOf(InvalidParameterException.class);
            });
  }

  @Test
  void answersAnUnknownServiceAsServiceNotFound() {
    TaskQuery unknownService = new TaskQuery(null, "nope", null, null, null, null);

    assertThatThrownBy(
            () -> demo.template.listTasks(ClusterRef.of("prod-web"), unknownService, null, 10))
        .isInstanceOf(EcsInvalidParameterException.class)
        .hasCauseInstanceOf(ServiceNotFoundException.class);
  }

  @Test
  void answersThrottlingAsEcsDoesAndRetriesIt() {
    demo.http.setFaults(DemoFaults.NONE.withThrottleRate(1));

    assertThatThrownBy(() -> demo.client.listClusters())
        .isInstanceOfSatisfying(
            EcsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
              assertThat(e.isThrottlingException()).isTrue();
            });
    assertThat(demo.http.callCount("ListClusters")).isEqualTo(2);
    assertThatThrownBy(() -> demo.template.listClusterArns())
        .isInstanceOfSatisfying(
            EcsThrottledException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ThrottlingException"));
  }

  @Test
  void answersServerErrorsWith500() {
    demo.http.setFaults(DemoFaults.NONE.withErrorRate(1));

    assertThatThrownBy(() -> demo.client.describeClusters(r -> r.clusters("default")))
        .isInstanceOfSatisfying(
            ServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
    assertThat(demo.http.callCount("DescribeClusters")).isEqualTo(2);
    assertThatThrownBy(() -> demo.template.describeClusters(List.of("default")))
        .isInstanceOfSatisfying(
            EcsUnavailableException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ServerException"));
  }

  @Test
  void answersAnUnknownOperationAsUnknownOperation() throws IOException {
    String answer = post("AmazonEC2ContainerServiceV20141113.RunTask", "{}", 400);

    assertThat(answer).contains("\"__type\":\"UnknownOperationException\"");
    assertThat(demo.http.callCount("RunTask")).isEqualTo(1);
    assertThatThrownBy(() -> demo.client.runTask(r -> r.taskDefinition("x")))
        .isInstanceOfSatisfying(
            EcsException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
  }

  @Test
  void answersABodyThatIsNotJsonAsSerializationException() throws IOException {
    assertThat(post("AmazonEC2ContainerServiceV20141113.ListTasks", "{not json", 400))
        .contains("SerializationException");
    assertThat(post("AmazonEC2ContainerServiceV20141113.ListTasks", "[]", 400))
        .contains("SerializationException");
  }

  @Test
  void answersARequestOnTheWireAsEcsDoes() throws IOException {
    String answer =
        post(
            "AmazonEC2ContainerServiceV20141113.ListTasks",
            "{\"cluster\":\"prod-web\",\"maxResults\":2}",
            200);

    assertThat(answer).startsWith("{\"taskArns\":[\"arn:aws:ecs:us-east-1:123456789012:task/");
    assertThat(answer).contains("\"nextToken\":\"");
  }

  private String post(String target, String body, int expectedStatus) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpExecuteRequest request =
        HttpExecuteRequest.builder()
            .request(
                SdkHttpRequest.builder()
                    .method(SdkHttpMethod.POST)
                    .uri(URI.create("https://ecs.us-east-1.amazonaws.com/"))
                    .putHeader("X-Amz-Target", target)
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .build())
            .contentStreamProvider(() -> new ByteArrayInputStream(bytes))
            .build();
    HttpExecuteResponse response = demo.http.prepareRequest(request).call();
    assertThat(response.httpResponse().statusCode()).isEqualTo(expectedStatus);
    assertThat(response.httpResponse().firstMatchingHeader("Content-Type"))
        .hasValue("application/x-amz-json-1.1");
    return new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
  }
}
