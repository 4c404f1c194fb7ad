package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsAccessDeniedException;
import dev.ecsdashboard.ecs.EcsBusyException;
import dev.ecsdashboard.ecs.EcsCallException;
import dev.ecsdashboard.ecs.EcsInvalidParameterException;
import dev.ecsdashboard.ecs.EcsThrottledException;
import dev.ecsdashboard.ecs.InvalidReferenceException;
import dev.ecsdashboard.ecs.UnknownClusterException;
import dev.ecsdashboard.ecs.UnknownTaskException;
import dev.ecsdashboard.text.VisibleText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns the dashboard's exceptions into an error page in plain words, for the pages (the REST API
 * has its own advice with problem documents). Never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class EcsErrorAdvice {

  static final String VIEW = "error";
  private static final int VALUE_MAX = 100;
  private static final int DETAIL_MAX = 600;

  /** Seconds after which a request refused for too many waiting on ECS may be sent again. */
  static final String RETRY_AFTER_BUSY = "5";

  @ExceptionHandler(UnknownClusterException.class)
  ModelAndView unknownCluster(
      UnknownClusterException e, HttpServletRequest request, HttpServletResponse response) {
    EcsErrorLog.answered(e, request);
    return page(
        response,
        HttpStatus.NOT_FOUND,
        "Cluster not found",
        "ECS has no cluster named \"" + e.cluster() + "\" in this account and region.",
        null);
  }

  @ExceptionHandler(UnknownTaskException.class)
  ModelAndView unknownTask(
      UnknownTaskException e, HttpServletRequest request, HttpServletResponse response) {
    EcsErrorLog.answered(e, request);
    return page(
            response,
            HttpStatus.NOT_FOUND,
            "Task not found",
            "ECS does not know task "
                + e.task()
                + " in cluster "
                + e.cluster()
                + ". Stopped tasks are forgotten by ECS about an hour after they stop.",
            null)
        .addObject("backUrl", "/clusters/" + e.cluster() + "/tasks")
        .addObject("backLabel", "Tasks of " + e.cluster());
  }

  @ExceptionHandler(InvalidReferenceException.class)
  ModelAndView invalidReference(InvalidReferenceException e, HttpServletResponse response) {
    return page(
        response,
        HttpStatus.BAD_REQUEST,
        "Not a valid " + e.field(),
        "\"" + VisibleText.of(e.value(), VALUE_MAX) + "\" was not sent to ECS. " + e.getMessage(),
        null);
  }

  @ExceptionHandler(EcsInvalidParameterException.class)
  ModelAndView invalidParameter(
      EcsInvalidParameterException e, HttpServletRequest request, HttpServletResponse response) {
    EcsErrorLog.answered(e, request);
    return page(
        response,
        HttpStatus.BAD_REQUEST,
        "ECS rejected the request",
        "ECS answered " + e.errorCode() + ": " + e.getMessage(),
        null);
  }

  @ExceptionHandler(EcsCallException.class)
  ModelAndView unavailable(
      EcsCallException e, HttpServletRequest request, HttpServletResponse response) {
    EcsErrorLog.answered(e, request);
    String detail;
    if (e instanceof EcsBusyException) {
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_BUSY);
      detail =
          "Too many requests are waiting on ECS, which is slow or not answering; this one was not"
              + " sent. Try again in a few seconds.";
    } else if (e instanceof EcsThrottledException) {
      detail =
          "ECS is throttling requests from this account (it shares one rate limit with every"
              + " other client). Try again in a few seconds.";
    } else if (e instanceof EcsAccessDeniedException) {
      detail =
          "ECS refused the dashboard's credentials for "
              + e.operation()
              + " ("
              + e.errorCode()
              + "). The dashboard's IAM role may lack a permission.";
    } else {
      detail = "ECS could not be reached or did not answer in time.";
    }
    String retry = request.getRequestURI();
    if (request.getQueryString() != null) {
      retry += "?" + request.getQueryString();
    }
    return page(response, HttpStatus.SERVICE_UNAVAILABLE, "ECS is not answering", detail, retry);
  }

  private static ModelAndView page(
      HttpServletResponse response, HttpStatus status, String title, String detail, String retry) {
    response.setStatus(status.value());
    ModelAndView view = new ModelAndView(VIEW, status);
    view.addObject("status", status.value());
    view.addObject("title", title);
    // Details quote what was typed or what ECS said: untrusted, so invisible characters are
    // written out and the length is bounded.
    view.addObject("detail", VisibleText.of(detail, DETAIL_MAX));
    view.addObject("retryUrl", retry);
    return view;
  }
}
