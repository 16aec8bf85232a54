package com.healthcyber.underwriting.application;

public enum RegistryPurpose {
    CLINICAL_RESEARCH,
    QUALITY_IMPROVEMENT,
    POST_MARKET_SURVEILLANCE,
    PUBLIC_HEALTH_SURVEILLANCE
}
