package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Reason;
import java.util.List;
import java.util.Optional;

/**
 * What a ruleset found for one application: every reason that applied, in no particular order,
 * and the highest authority its referral reasons ({@code @authority}) and authority rules
 * ({@code requireAuthority}) ask for. Combining them into a decision is not the engine's job.
 *
 * @param authority empty when nothing refers
 */
public record Findings(List<Reason> reasons, Optional<AuthorityLevel> authority) {}
