package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsBulkhead;
import dev.ecsdashboard.ecs.EcsDeadline;
import dev.ecsdashboard.ecs.EcsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request, pages and API alike, one time budget for all its ECS calls ({@code
 * dashboard.ecs.request-timeout}), so that no request thread waits on ECS longer than that however
 * many calls it makes, and lets it wait on ECS only with a place among the {@code
 * dashboard.ecs.max-waiting} requests that may ({@link EcsBulkhead}). It runs first, before the
 * security filters, so that the budget counts from the moment the request is handled. Actuator, on
 * its own port, is not filtered: probes never wait for a place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EcsTimeBudgetFilter extends OncePerRequestFilter {

  private final EcsProperties properties;
  private final EcsBulkhead bulkhead;

  /**
   * @param bulkhead the bound on requests waiting on ECS; none in web slice tests, which have no
   *     ECS
   */
  EcsTimeBudgetFilter(EcsProperties properties, ObjectProvider<EcsBulkhead> bulkhead) {
    this.properties = properties;
    this.bulkhead = bulkhead.getIfAvailable();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (EcsDeadline deadline = EcsDeadline.start(properties.requestTimeout(), bulkhead)) {
      chain.doFilter(request, response);
    }
  }
}
