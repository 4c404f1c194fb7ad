package dev.ecsdashboard.stop;

import dev.ecsdashboard.security.ClusterAccess;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link StopReason} for the signed-in user, one message a broken rule. */
class StopReasonValidator implements ConstraintValidator<StopReason, String> {

  private final ReasonPolicy policy;
  private final ClusterAccess access;

  StopReasonValidator(ReasonPolicy policy, ClusterAccess access) {
    this.policy = policy;
    this.access = access;
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    List<ReasonViolation> violations = policy.violations(value, access.currentUser());
    if (violations.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    HibernateConstraintValidatorContext hibernate =
        context.unwrap(HibernateConstraintValidatorContext.class);
    for (ReasonViolation violation : violations) {
      hibernate
          .addMessageParameter("max", violation.max())
          .buildConstraintViolationWithTemplate("{" + violation.messageKey() + "}")
          .addConstraintViolation();
    }
    return false;
  }
}
