package com.healthcyber.underwriting.application;

/** The two lines of business written on this service. */
public enum Product {
    CYBER_HEALTHCARE,
    MEDICAL_REGISTRY
}
