package io.trustline.incident.policy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A complete, positive response policy table; each faulty cell is its own field error. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidResponsePolicy.Validator.class)
public @interface ValidResponsePolicy {

    String message() default "not a complete response policy";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidResponsePolicy, SetResponsePolicyRequest> {

        @Override
        public boolean isValid(SetResponsePolicyRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            var faults = request.faults();
            if (faults.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            faults.forEach(fault -> context.buildConstraintViolationWithTemplate(escaped(fault.message()))
                    .addPropertyNode(fault.field())
                    .addConstraintViolation());
            return false;
        }

        // the message is text, not a template: braces and dollars must not be interpolated
        private static String escaped(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
