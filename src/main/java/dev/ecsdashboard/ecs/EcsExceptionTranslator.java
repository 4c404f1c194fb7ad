package dev.ecsdashboard.ecs;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into the dashboard's own, keyed on the ECS error code rather than the
 * HTTP status. The one place that knows how ECS reports failures.
 */
final class EcsExceptionTranslator {

  private static final Set<String> CREDENTIAL_ERRORS =
      Set.of(
          "AccessDeniedException",
          "UnrecognizedClientException",
          "InvalidClientTokenId",
          "InvalidSignatureException",
          "SignatureDoesNotMatch",
          "MissingAuthenticationTokenException",
          "ExpiredTokenException",
          "IncompleteSignature");

  private EcsExceptionTranslator() {}

  /**
   * @param operation the ECS operation, such as {@code StopTask}
   * @param cluster the cluster the call was about, or null
   * @param task the task the call was about, or null
   */
  static EcsCallException translate(
      String operation, SdkException exception, String cluster, String task) {
    if (!(exception instanceof AwsServiceException service)) {
      // No answer from ECS: connection refused, timeouts, I/O errors.
      return new EcsUnavailableException(
          operation, null, "ECS did not answer: " + exception.getMessage(), exception);
    }
    String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
    String message = message(service);
    if ("ClusterNotFoundException".equals(code)) {
      return new UnknownClusterException(operation, cluster, code, message, exception);
    }
    if (service.isThrottlingException() || "ThrottlingException".equals(code)) {
      return new EcsThrottledException(operation, code, message, exception);
    }
    if (code != null && CREDENTIAL_ERRORS.contains(code)) {
      return new EcsAccessDeniedException(operation, code, message, exception);
    }
    if ("InvalidParameterException".equals(code) && task != null && isTaskNotFound(message)) {
      // StopTask of an unknown task: ECS says "The referenced task was not found."
      return new UnknownTaskException(operation, cluster, task, code, message, exception);
    }
    if (service.statusCode() >= 500 || "ServerException".equals(code)) {
      return new EcsUnavailableException(operation, code, message, exception);
    }
    return new EcsInvalidParameterException(operation, code, message, exception);
  }

  private static boolean isTaskNotFound(String message) {
    String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("task") && lower.contains("not found");
  }

  private static String message(AwsServiceException exception) {
    if (exception.awsErrorDetails() != null && exception.awsErrorDetails().errorMessage() != null) {
      return exception.awsErrorDetails().errorMessage();
    }
    return exception.getMessage();
  }
}
