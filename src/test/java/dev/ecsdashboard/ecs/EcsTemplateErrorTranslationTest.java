package dev.ecsdashboard.ecs;

import static dev.ecsdashboard.ecs.EcsClientMocks.mockEcsClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ServerException;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;

/**
 * Every kind of failure the SDK raises comes out of {@link EcsTemplate} as the dashboard's own
 * exception, keyed on the ECS error code, with the operation and the code kept.
 */
class EcsTemplateErrorTranslationTest {

  static final String TASK_ID = "666fdccc2e2d4b6894dd422f4eeee8f8";

  final EcsClient client = mockEcsClient();
  final EcsTemplate template = new EcsTemplate(client, new ArnScope("us-east-1", null));

  static Stream<Arguments> stopTaskFailures() {
    return Stream.of(
        Arguments.of(
            error(ClusterNotFoundException.builder(), 400, "ClusterNotFoundException"),
            UnknownClusterException.class,
            "ClusterNotFoundException"),
        Arguments.of(
            error(InvalidParameterException.builder(), 400, "InvalidParameterException"),
            EcsInvalidParameterException.class,
            "InvalidParameterException"),
        Arguments.of(
            error(AccessDeniedException.builder(), 400, "AccessDeniedException"),
            EcsAccessDeniedException.class,
            "AccessDeniedException"),
        Arguments.of(
            error(EcsException.builder(), 400, "UnrecognizedClientException"),
            EcsAccessDeniedException.class,
            "UnrecognizedClientException"),
        Arguments.of(
            error(EcsException.builder(), 403, "InvalidSignatureException"),
            EcsAccessDeniedException.class,
            "InvalidSignatureException"),
        Arguments.of(
            error(EcsException.builder(), 400, "ExpiredTokenException"),
            EcsAccessDeniedException.class,
            "ExpiredTokenException"),
        Arguments.of(
            error(EcsException.builder(), 400, "ThrottlingException"),
            EcsThrottledException.class,
            "ThrottlingException"),
        Arguments.of(
            error(ServerException.builder(), 500, "ServerException"),
            EcsUnavailableException.class,
            "ServerException"),
        Arguments.of(
            error(EcsException.builder(), 503, "ServiceUnavailableException"),
            EcsUnavailableException.class,
            "ServiceUnavailableException"),
        Arguments.of(
            error(ClientException.builder(), 400, "ClientException"),
            EcsInvalidParameterException.class,
            "ClientException"),
        Arguments.of(
            SdkClientException.create("Unable to execute HTTP request: Connection refused"),
            EcsUnavailableException.class,
            null),
        Arguments.of(ApiCallTimeoutException.create(15_000), EcsUnavailableException.class, null));
  }

  @ParameterizedTest(name = "{2} -> {1}")
  @MethodSource("stopTaskFailures")
  void translatesEachFailureKeepingOperationAndErrorCode(
      SdkException failure, Class<? extends EcsCallException> expected, String errorCode) {
    given(client.stopTask(any(StopTaskRequest.class))).willThrow(failure);

    EcsCallException translated =
        catchThrowableOfType(
            EcsCallException.class,
            () -> template.stopTask(TaskRef.parse("prod", TASK_ID), "reason"));

    assertThat(translated).isExactlyInstanceOf(expected).hasCause(failure);
    assertThat(translated.operation()).isEqualTo("StopTask");
    assertThat(translated.errorCode()).isEqualTo(errorCode);
  }

  @Test
  void reportsTheClusterEcsDoesNotKnow() {
    given(client.listTasks(any(ListTasksRequest.class)))
        .willThrow(error(ClusterNotFoundException.builder(), 400, "ClusterNotFoundException"));

    UnknownClusterException unknown =
        catchThrowableOfType(
            UnknownClusterException.class,
            () -> template.listTasks(ClusterRef.of("gone"), TaskQuery.ALL_RUNNING, null, 100));

    assertThat(unknown.operation()).isEqualTo("ListTasks");
    assertThat(unknown.cluster()).isEqualTo("gone");
  }

  @Test
  void reportsStoppingATaskEcsDoesNotKnowAsAnUnknownTask() {
    given(client.stopTask(any(StopTaskRequest.class)))
        .willThrow(
            error(
                InvalidParameterException.builder(),
                400,
                "InvalidParameterException",
                "The referenced task was not found."));

    UnknownTaskException unknown =
        catchThrowableOfType(
            UnknownTaskException.class,
            () -> template.stopTask(TaskRef.parse("prod", TASK_ID), "reason"));

    assertThat(unknown.operation()).isEqualTo("StopTask");
    assertThat(unknown.errorCode()).isEqualTo("InvalidParameterException");
    assertThat(unknown.cluster()).isEqualTo("prod");
    assertThat(unknown.task()).isEqualTo(TASK_ID);
    assertThat(unknown).hasMessage("The referenced task was not found.");
  }

  @Test
  void keepsANotFoundMessageThatIsNotAboutATaskAsAnInvalidParameter() {
    given(client.listTasks(any(ListTasksRequest.class)))
        .willThrow(
            error(
                InvalidParameterException.builder(),
                400,
                "InvalidParameterException",
                "The specified task definition family was not found."));

    EcsInvalidParameterException invalid =
        catchThrowableOfType(
            EcsInvalidParameterException.class,
            () -> template.listTasks(ClusterRef.of("prod"), TaskQuery.ALL_RUNNING, null, 100));

    assertThat(invalid.operation()).isEqualTo("ListTasks");
    assertThat(invalid.errorCode()).isEqualTo("InvalidParameterException");
  }

  static AwsServiceException error(AwsServiceException.Builder builder, int status, String code) {
    return error(builder, status, code, code + " from ECS");
  }

  static AwsServiceException error(
      AwsServiceException.Builder builder, int status, String code, String message) {
    return builder
        .statusCode(status)
        .message(message)
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("Ecs")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build())
        .build();
  }
}
