package dev.ecsdashboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for an address no page answers (or sending a request no page takes) gets the
 * dashboard's error page; clients that do not ask for HTML, and every address of the REST API
 * whatever it asks for, get Spring's problem documents ({@link ProblemDetailsAdvice}). Without
 * this, Spring's problem-details handler would answer browsers with JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserErrorAdvice {

  private final ProblemDetailsAdvice problems;

  BrowserErrorAdvice(ProblemDetailsAdvice problems) {
    this.problems = problems;
  }

  /** A page (a {@code ModelAndView}) or a problem document (a {@code ResponseEntity}). */
  @ExceptionHandler({
    NoResourceFoundException.class,
    NoHandlerFoundException.class,
    HttpRequestMethodNotSupportedException.class,
    ServletRequestBindingException.class
  })
  Object errorPage(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (!PageOrProblem.wantsPage(request, request.getRequestURI())) {
      return problems.handleException(e, new ServletWebRequest(request, response));
    }
    int status = ((ErrorResponse) e).getStatusCode().value();
    response.setStatus(status);
    ModelAndView view = new ModelAndView(EcsErrorAdvice.VIEW);
    view.addObject("status", status);
    return view;
  }
}
