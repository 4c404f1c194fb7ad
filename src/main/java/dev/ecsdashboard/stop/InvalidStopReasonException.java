package dev.ecsdashboard.stop;

import java.util.List;

/** A stop reason that breaks the rules; nothing was sent to ECS. */
public class InvalidStopReasonException extends RuntimeException {

  private final List<ReasonViolation> violations;

  public InvalidStopReasonException(List<ReasonViolation> violations) {
    super(
        "The stop reason is not valid: "
            + violations.stream().map(ReasonViolation::messageKey).toList());
    this.violations = List.copyOf(violations);
  }

  public List<ReasonViolation> violations() {
    return violations;
  }
}
