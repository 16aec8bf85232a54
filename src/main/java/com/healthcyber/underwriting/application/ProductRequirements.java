package com.healthcyber.underwriting.application;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers one product requires and the other forbids: a practice must state its patient
 * records and may not list registries; a registry operator must list at least one registry.
 */
@Documented
@Constraint(validatedBy = ProductRequirementsValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProductRequirements {
    String message() default "does not meet the product's requirements";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
