package dev.ecsdashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for an address no page answers (or sending a request no page takes) gets the
 * dashboard's error page; clients that do not ask for HTML keep Spring's problem documents. Without
 * this, Spring's problem-details handler would answer browsers with JSON.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserErrorAdvice {

  @ExceptionHandler(
      value = {
        NoResourceFoundException.class,
        NoHandlerFoundException.class,
        HttpRequestMethodNotSupportedException.class,
        ServletRequestBindingException.class
      },
      produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView errorPage(Exception e, HttpServletResponse response) {
    int status = ((ErrorResponse) e).getStatusCode().value();
    response.setStatus(status);
    ModelAndView view = new ModelAndView(EcsErrorAdvice.VIEW);
    view.addObject("status", status);
    return view;
  }
}
