package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The applicant's answers on security controls. Every question is required: an unanswered
 * control is never read as "no". The two {@code last…} dates may be absent, meaning never done.
 */
public record Controls(
        @NotNull Boolean mfaEmail,
        @NotNull Boolean mfaRemoteAccess,
        @NotNull Boolean mfaPrivilegedAccess,
        @NotNull Boolean endpointDetectionAndResponse,
        @NotNull Boolean offlineBackups,
        @Schema(nullable = true) LocalDate lastBackupRestoreTest,
        @NotNull Boolean encryptionAtRest,
        @NotNull Boolean encryptionInTransit,
        @NotNull Boolean portableDeviceEncryption,
        @NotNull @PositiveOrZero Integer criticalPatchDays,
        @NotNull Boolean endOfLifeSystems,
        @NotNull Boolean rdpExposedToInternet,
        @NotNull Boolean securityAwarenessTraining,
        @NotNull Boolean incidentResponsePlan,
        @Schema(nullable = true) LocalDate lastHipaaRiskAssessment,
        @NotNull Boolean businessAssociateAgreements) {}
