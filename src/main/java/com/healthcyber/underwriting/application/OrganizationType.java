package com.healthcyber.underwriting.application;

/**
 * Every organization type either product can write. Which product finds a type eligible is
 * underwriting appetite and lives in the rules; a type valid for neither product is bad input.
 */
public enum OrganizationType {
    PHYSICIAN_PRACTICE,
    DENTAL_PRACTICE,
    BEHAVIORAL_HEALTH,
    PHYSICAL_THERAPY,
    CHIROPRACTIC,
    OPTOMETRY,
    URGENT_CARE,
    AMBULATORY_SURGERY_CENTER,
    MEDICAL_LABORATORY,
    HOME_HEALTH,
    HEALTHCARE_ASSOCIATION,
    CLINICAL_RESEARCH_NETWORK,
    PUBLIC_HEALTH_AGENCY,
    BIOTECHNOLOGY,
    MEDICAL_DEVICE_MANUFACTURER,
    PHARMACEUTICAL,
    ACADEMIC_MEDICAL_CENTER,
    REGISTRY_VENDOR
}
