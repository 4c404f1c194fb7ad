package dev.ecsdashboard.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.ecsdashboard.demo.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

class EcsHealthIndicatorTest {

  private final EcsClient client = mock(EcsClient.class);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final EcsHealthIndicator health =
      new EcsHealthIndicator(client, Duration.ofSeconds(30), Duration.ofSeconds(3), clock);

  @Test
  @SuppressWarnings("unchecked")
  void makesAtMostOneCallPerIntervalHoweverOftenItIsAsked() {
    given(client.listClusters(any(Consumer.class)))
        .willReturn(ListClustersResponse.builder().build());

    for (int i = 0; i < 10; i++) {
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      clock.advance(Duration.ofSeconds(2));
    }
    verify(client, times(1)).listClusters(any(Consumer.class));

    clock.advance(Duration.ofSeconds(11));
    health.health();
    verify(client, times(2)).listClusters(any(Consumer.class));
  }

  @Test
  @SuppressWarnings("unchecked")
  void isDownWithTheReasonWhenEcsDoesNotAnswer() {
    given(client.listClusters(any(Consumer.class)))
        .willThrow(SdkClientException.create("Connection refused"));

    Health down = health.health();

    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails()).containsKey("checkedAt");
    assertThat((String) down.getDetails().get("error")).contains("Connection refused");
  }

  @Test
  @SuppressWarnings("unchecked")
  void countsThrottlingAsReachable() {
    given(client.listClusters(any(Consumer.class)))
        .willThrow(
            EcsException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .errorMessage("Rate exceeded")
                        .build())
                .build());

    Health throttled = health.health();

    assertThat(throttled.getStatus()).isEqualTo(Status.UP);
    assertThat(throttled.getDetails()).containsEntry("errorCode", "ThrottlingException");
  }
}
