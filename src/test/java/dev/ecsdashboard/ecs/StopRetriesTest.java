package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * StopTask's retries, through the real SDK client over canned HTTP answers: throttling is retried,
 * a server error or a lost answer is not (it may have stopped the task), and a patient stop has a
 * larger budget.
 */
class StopRetriesTest {

  private static final String ID = "0123456789abcdef0123456789abcdef";
  private static final String THROTTLED =
      "400 {\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";
  private static final String SERVER_ERROR =
      "500 {\"__type\":\"ServerException\",\"message\":\"Internal error\"}";
  private static final String STOPPED =
      "200 {\"task\":{\"taskArn\":\"arn:aws:ecs:us-east-1:123456789012:task/prod/"
          + ID
          + "\",\"desiredStatus\":\"STOPPED\",\"lastStatus\":\"RUNNING\"}}";

  @Test
  void retriesAThrottledStop() {
    Canned http = new Canned(THROTTLED, THROTTLED, STOPPED);

    assertThat(template(http).stopTask(TaskRef.parse("prod", ID), "operator: r").desiredStatus())
        .isEqualTo("STOPPED");
    assertThat(http.calls).hasValue(3);
  }

  @Test
  void neverRepeatsAStopThatFailedOnTheServer() {
    Canned http = new Canned(SERVER_ERROR, STOPPED);

    assertThatExceptionOfType(EcsUnavailableException.class)
        .isThrownBy(() -> template(http).stopTask(TaskRef.parse("prod", ID), "operator: r"));
    assertThat(http.calls).hasValue(1);
  }

  @Test
  void givesUpOnAThrottledStopAfterTheCarefulBudget() {
    Canned http = new Canned(repeat(THROTTLED, 20));

    assertThatExceptionOfType(EcsThrottledException.class)
        .isThrownBy(() -> template(http).stopTask(TaskRef.parse("prod", ID), "operator: r"));
    assertThat(http.calls).hasValue(StopRetries.CAREFUL_ATTEMPTS);
  }

  @Test
  void aPatientStopKeepsTryingLonger() {
    Canned http = new Canned(repeat(THROTTLED, 20));

    assertThatExceptionOfType(EcsThrottledException.class)
        .isThrownBy(
            () -> template(http).stopTaskPatiently(TaskRef.parse("prod", ID), "operator: r"));
    assertThat(http.calls).hasValue(StopRetries.PATIENT_ATTEMPTS);
  }

  @Test
  void leavesTheClientsRetriesOfOtherCallsAsTheyWere() {
    Canned http =
        new Canned(
            SERVER_ERROR,
            "200 {\"tasks\":[{\"taskArn\":\"arn:aws:ecs:us-east-1:123456789012:task/prod/"
                + ID
                + "\"}],\"failures\":[]}");

    assertThat(template(http).describeTask(TaskRef.parse("prod", ID)).taskArn()).endsWith(ID);
    assertThat(http.calls).hasValue(2);
  }

  private static String[] repeat(String answer, int times) {
    String[] answers = new String[times];
    java.util.Arrays.fill(answers, answer);
    return answers;
  }

  private static EcsTemplate template(SdkHttpClient http) {
    EcsProperties properties =
        new EcsProperties(
            EcsProperties.Mode.AWS,
            "us-east-1",
            URI.create("http://localhost:1"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            4,
            50,
            Duration.ofMillis(100));
    EcsClient client =
        EcsClients.configure(
                EcsClient.builder()
                    .httpClient(http)
                    .region(Region.US_EAST_1)
                    .endpointOverride(properties.endpoint())
                    .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))),
                properties,
                List.of())
            .build();
    return new EcsTemplate(client, new ArnScope("us-east-1", null));
  }

  /** An HTTP client that answers with canned "STATUS BODY" strings, in order. */
  static final class Canned implements SdkHttpClient {

    final Deque<String> answers;
    final AtomicInteger calls = new AtomicInteger();

    Canned(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          calls.incrementAndGet();
          String answer = answers.isEmpty() ? THROTTLED : answers.poll();
          int status = Integer.parseInt(answer.substring(0, 3));
          byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
          return HttpExecuteResponse.builder()
              .response(
                  SdkHttpResponse.builder()
                      .statusCode(status)
                      .putHeader("Content-Type", "application/x-amz-json-1.1")
                      .putHeader("Content-Length", String.valueOf(body.length))
                      .build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}

    @Override
    public String clientName() {
      return "canned";
    }
  }
}
