package dev.ecsdashboard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows for an error that no controller answered (a request the firewall
 * refused, an error outside Spring MVC): the dashboard's error page, or a problem document for the
 * REST API and clients that do not take HTML. It replaces Spring Boot's error controller, which
 * answers a plain visit to {@code /error} with 500 and other clients with a JSON body that is no
 * problem document. A visit with no error behind it is answered 404: there is no page there.
 */
@Controller
class ErrorPageController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  Object error(HttpServletRequest request, HttpServletResponse response) {
    HttpStatusCode status = status(request);
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = failed instanceof String uri ? uri : request.getRequestURI();
    if (PageOrProblem.wantsPage(request, path)) {
      response.setStatus(status.value());
      ModelAndView view = new ModelAndView(EcsErrorAdvice.VIEW, status);
      view.addObject("status", status.value());
      return view;
    }
    ProblemDetail problem = ProblemDetail.forStatus(status);
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      problem.setDetail("There is nothing at this address.");
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * The status of the error being shown; 404 when there is none (a visit to the address itself).
   */
  private static HttpStatusCode status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer value && value >= 400 && value <= 599) {
      return HttpStatusCode.valueOf(value);
    }
    return HttpStatus.NOT_FOUND;
  }
}
