package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.StaleReads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.OptionalLong;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Lets pages show ECS data from an old copy when ECS fails, and says how old it is: while a page is
 * built, reads may be answered from the last good answer ({@link StaleReads}), and the page then
 * gets {@code staleSeconds}, which the layout shows as a notice. Responses that are not pages
 * (JSON, the API) get ECS's error instead, as they have no place for the notice.
 */
class StaleDataInterceptor implements HandlerInterceptor {

  static final String STALE_SECONDS = "staleSeconds";

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (rendersPage(handler)) {
      StaleReads.track();
    }
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      ModelAndView modelAndView) {
    OptionalLong age = StaleReads.oldestSeconds();
    if (modelAndView != null && age.isPresent()) {
      modelAndView.addObject(STALE_SECONDS, age.getAsLong());
    }
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    StaleReads.clear();
  }

  private static boolean rendersPage(Object handler) {
    return handler instanceof HandlerMethod method
        && !method.hasMethodAnnotation(ResponseBody.class)
        && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
        && !HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType());
  }
}
