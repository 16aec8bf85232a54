package com.healthcyber.underwriting.application;

/** Whether the coverage is written for the first time or renewed; with the effective date it chooses the guideline version. */
public enum TransactionType {
    NEW_BUSINESS,
    RENEWAL
}
