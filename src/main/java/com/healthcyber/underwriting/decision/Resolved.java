package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Resolution;

/** A resolution on record, and whether it was made just now or is the original of a retry with the same key. */
public record Resolved(Resolution resolution, boolean repeated) {}
