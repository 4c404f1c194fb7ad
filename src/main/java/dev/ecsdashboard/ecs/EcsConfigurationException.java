package dev.ecsdashboard.ecs;

/**
 * The dashboard's configuration does not let it start: it says what is wrong and what to do. A
 * failure analyzer prints both instead of a stack trace.
 */
public class EcsConfigurationException extends RuntimeException {

  private final String action;

  public EcsConfigurationException(String problem, String action, Throwable cause) {
    super(problem, cause);
    this.action = action;
  }

  /** What the operator should configure. */
  public String action() {
    return action;
  }
}
