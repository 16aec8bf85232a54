package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.ruleset.ReloadAttempt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The 422 problem document of a rejected reload: an RFC 9457 problem with the attempt as an
 * extension member, so that a client reads the problems and failing scenarios from one schema.
 */
@Schema(name = "ReloadRejected")
public record ReloadRejected(String type, String title, int status, String detail, ReloadAttempt reload) {}
