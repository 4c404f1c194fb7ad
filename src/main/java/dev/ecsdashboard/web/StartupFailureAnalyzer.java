package dev.ecsdashboard.web;

import dev.ecsdashboard.ecs.EcsConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in plain words what to configure when the dashboard cannot start because of its own
 * configuration (no region, no user source), instead of a page of stack trace.
 */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<EcsConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EcsConfigurationException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
