package com.healthcyber.underwriting.application;

public enum ClaimType {
    RANSOMWARE,
    PHISHING,
    BUSINESS_EMAIL_COMPROMISE,
    DATA_BREACH,
    PRIVACY_LIABILITY,
    REGULATORY,
    OTHER
}
