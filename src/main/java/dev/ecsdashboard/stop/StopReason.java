package dev.ecsdashboard.stop;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stop reason the signed-in user may send, by the rules of {@link ReasonPolicy}. */
@Documented
@Constraint(validatedBy = StopReasonValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface StopReason {

  String message() default "{stop.reason.invalid}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
