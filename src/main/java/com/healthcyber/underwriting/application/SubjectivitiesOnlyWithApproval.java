package com.healthcyber.underwriting.application;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Subjectivities are terms of a written risk: a declined referral has none. */
@Documented
@Constraint(validatedBy = SubjectivitiesOnlyWithApproval.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SubjectivitiesOnlyWithApproval {
    String message() default "are allowed only with action APPROVE";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SubjectivitiesOnlyWithApproval, ResolutionRequest> {
        @Override
        public boolean isValid(ResolutionRequest request, ConstraintValidatorContext context) {
            if (request == null
                    || request.action() == null // reported by @NotNull on the field
                    || request.action() == ResolutionAction.APPROVE
                    || request.subjectivities().isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("subjectivities")
                    .addConstraintViolation();
            return false;
        }
    }
}
