package com.healthcyber.underwriting.application;

public enum CoverageSection {
    BREACH_RESPONSE,
    REGULATORY,
    PRIVACY_LIABILITY,
    CYBER_EXTORTION,
    BUSINESS_INTERRUPTION,
    DATA_RESTORATION,
    DATA_REPORTING_ERRORS
}
