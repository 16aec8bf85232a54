package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Application;

/**
 * What the active rules answer for an application that is not on record and will not be: no
 * decision id, no record, no metric, no decision log line.
 */
public record Simulation(Application application, Verdict verdict, String rulesetVersion) {}
