package dev.ecsdashboard.api;

import dev.ecsdashboard.ecs.EcsAccessDeniedException;
import dev.ecsdashboard.ecs.EcsBusyException;
import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.UnknownClusterException;
import dev.ecsdashboard.ecs.UnknownTaskException;
import dev.ecsdashboard.stop.InvalidStopReasonException;
import dev.ecsdashboard.web.EcsErrorLog;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The REST API's errors as RFC 9457 problem documents ({@code application/problem+json}) with a
 * plain-words {@code detail}: 400 for input that was never sent to ECS (or that ECS rejected), 404
 * for an unknown cluster or task, 429 when ECS throttles beyond the SDK's retries, 503 when ECS
 * cannot be reached or too many requests are already waiting on it (with {@code Retry-After}). When
 * ECS caused the error, {@code errorCode} carries its code and {@code operation} the ECS operation.
 * 401 and 403 come from the security filter chain in the same form. Untrusted input is never echoed
 * back.
 */
@RestControllerAdvice(basePackageClasses = ApiErrorAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiErrorAdvice extends ResponseEntityExceptionHandler {

  /** Seconds after which a request refused for throttling or too many waiting may be sent again. */
  private static final String RETRY_AFTER = "5";

  private final MessageSource messages;

  ApiErrorAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidReferenceException.class)
  ProblemDetail invalidReference(InvalidReferenceException e, HttpServletRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Not a valid " + e.field() + ": nothing was sent to ECS. " + e.getMessage(),
            request);
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(InvalidApiInputException.class)
  ProblemDetail invalidInput(InvalidApiInputException e, HttpServletRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(InvalidStopReasonException.class)
  ProblemDetail invalidReason(InvalidStopReasonException e, HttpServletRequest request) {
    List<String> errors =
        e.violations().stream()
            .map(
                v ->
                    messages
                        .getMessage(v.messageKey(), null, v.messageKey(), Locale.ENGLISH)
                        .replace("{max}", String.valueOf(v.max())))
            .toList();
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "The stop reason cannot be sent to ECS: " + String.join(" ", errors),
            request);
    problem.setProperty("field", "reason");
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(UnknownClusterException.class)
  ProblemDetail unknownCluster(UnknownClusterException e, HttpServletRequest request) {
    return ecs(
        HttpStatus.NOT_FOUND,
        "ECS has no cluster named \"" + e.cluster() + "\" in this account and region.",
        e,
        request);
  }

  @ExceptionHandler(UnknownTaskException.class)
  ProblemDetail unknownTask(UnknownTaskException e, HttpServletRequest request) {
    return ecs(
        HttpStatus.NOT_FOUND,
        "ECS does not know task "
            + e.task()
            + " in cluster "
            + e.cluster()
            + ". Stopped tasks are forgotten by ECS about an hour after they stop.",
        e,
        request);
  }

  @ExceptionHandler(EcsInvalidParameterException.class)
  ProblemDetail rejectedByEcs(EcsInvalidParameterException e, HttpServletRequest request) {
    return ecs(HttpStatus.BAD_REQUEST, "ECS rejected the request: " + e.getMessage(), e, request);
  }

  @ExceptionHandler(EcsThrottledException.class)
  ResponseEntity<ProblemDetail> throttled(EcsThrottledException e, HttpServletRequest request) {
    return retryLater(
        HttpStatus.TOO_MANY_REQUESTS,
        "ECS is throttling requests from this account (it shares one rate limit with every"
            + " other client) and the dashboard's retries ran out. Try again in a few seconds.",
        e,
        request);
  }

  @ExceptionHandler(EcsBusyException.class)
  ResponseEntity<ProblemDetail> busy(EcsBusyException e, HttpServletRequest request) {
    return retryLater(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Too many requests are waiting on ECS, which is slow or not answering; this one was"
            + " not sent to ECS. Try again in a few seconds.",
        e,
        request);
  }

  @ExceptionHandler(EcsCallException.class)
  ProblemDetail unavailable(EcsCallException e, HttpServletRequest request) {
    String detail =
        e instanceof EcsAccessDeniedException
            ? "ECS refused the dashboard's credentials for "
                + e.operation()
                + ". The dashboard's IAM role may lack a permission."
            : "ECS could not be reached or did not answer in time. Try again later.";
    return ecs(HttpStatus.SERVICE_UNAVAILABLE, detail, e, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is not a JSON document of the expected shape; nothing was sent to"
                + " ECS.");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() == null ? "a parameter" : e.getPropertyName();
    String type =
        e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The value of " + name + " is not of type " + type + ".");
    problem.setProperty("field", name);
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** A problem document with {@code Retry-After}: the same request may succeed in a few seconds. */
  private static ResponseEntity<ProblemDetail> retryLater(
      HttpStatus status, String detail, EcsCallException e, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
        .body(ecs(status, detail, e, request));
  }

  /** The problem document of an ECS error, logged in one line ({@link EcsErrorLog}). */
  private static ProblemDetail ecs(
      HttpStatus status, String detail, EcsCallException e, HttpServletRequest request) {
    EcsErrorLog.answered(e, request);
    ProblemDetail problem = problem(status, detail, request);
    if (e.errorCode() != null) {
      problem.setProperty("errorCode", e.errorCode());
    }
    problem.setProperty("operation", e.operation());
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException e) {
      // A path that is no valid URI is not repeated back.
    }
    return problem;
  }
}
