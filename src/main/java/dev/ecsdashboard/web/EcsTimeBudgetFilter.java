package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsDeadline;
import dev.ecsdashboard.ecs.EcsProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request, pages and API alike, one time budget for all its ECS calls ({@code
 * dashboard.ecs.request-timeout}), so that no request thread waits on ECS longer than that however
 * many calls it makes.
 */
@Component
class EcsTimeBudgetFilter extends OncePerRequestFilter {

  private final EcsProperties properties;

  EcsTimeBudgetFilter(EcsProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try (EcsDeadline deadline = EcsDeadline.start(properties.requestTimeout())) {
      chain.doFilter(request, response);
    }
  }
}
