package com.healthcyber.underwriting.application;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class ProductRequirementsValidator implements ConstraintValidator<ProductRequirements, Application> {

    @Override
    public boolean isValid(Application application, ConstraintValidatorContext context) {
        if (application == null || application.product() == null) {
            return true; // a missing product is reported by @NotNull on the field itself
        }
        context.disableDefaultConstraintViolation();
        return switch (application.product()) {
            case CYBER_HEALTHCARE ->
                practiceStatesPatientRecords(application, context) & practiceListsNoRegistries(application, context);
            case MEDICAL_REGISTRY -> operatorListsRegistries(application, context);
        };
    }

    private static boolean practiceStatesPatientRecords(Application application, ConstraintValidatorContext context) {
        if (application.data() != null && application.data().patientRecords() != null) {
            return true;
        }
        context.buildConstraintViolationWithTemplate("is required for CYBER_HEALTHCARE")
                .addPropertyNode("data")
                .addPropertyNode("patientRecords")
                .addConstraintViolation();
        return false;
    }

    private static boolean practiceListsNoRegistries(Application application, ConstraintValidatorContext context) {
        if (application.registries().isEmpty()) {
            return true;
        }
        context.buildConstraintViolationWithTemplate("must be absent or empty for CYBER_HEALTHCARE")
                .addPropertyNode("registries")
                .addConstraintViolation();
        return false;
    }

    private static boolean operatorListsRegistries(Application application, ConstraintValidatorContext context) {
        if (!application.registries().isEmpty()) {
            return true;
        }
        context.buildConstraintViolationWithTemplate("must list at least one registry for MEDICAL_REGISTRY")
                .addPropertyNode("registries")
                .addConstraintViolation();
        return false;
    }
}
