package com.healthcyber.underwriting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.generated.client.ApiClient;
import com.healthcyber.underwriting.generated.client.ApiException;
import com.healthcyber.underwriting.generated.client.api.DecisionsApi;
import com.healthcyber.underwriting.generated.client.model.Applicant;
import com.healthcyber.underwriting.generated.client.model.Application;
import com.healthcyber.underwriting.generated.client.model.ApplicationData;
import com.healthcyber.underwriting.generated.client.model.Breach;
import com.healthcyber.underwriting.generated.client.model.Claim;
import com.healthcyber.underwriting.generated.client.model.ClaimType;
import com.healthcyber.underwriting.generated.client.model.Controls;
import com.healthcyber.underwriting.generated.client.model.Coverage;
import com.healthcyber.underwriting.generated.client.model.CoverageSection;
import com.healthcyber.underwriting.generated.client.model.Decision;
import com.healthcyber.underwriting.generated.client.model.DecisionRecordView;
import com.healthcyber.underwriting.generated.client.model.History;
import com.healthcyber.underwriting.generated.client.model.Migration;
import com.healthcyber.underwriting.generated.client.model.OrganizationType;
import com.healthcyber.underwriting.generated.client.model.Outcome;
import com.healthcyber.underwriting.generated.client.model.PatientData;
import com.healthcyber.underwriting.generated.client.model.Problem;
import com.healthcyber.underwriting.generated.client.model.Product;
import com.healthcyber.underwriting.generated.client.model.Reason;
import com.healthcyber.underwriting.generated.client.model.ReasonOutcome;
import com.healthcyber.underwriting.generated.client.model.Registry;
import com.healthcyber.underwriting.generated.client.model.RegistryPurpose;
import com.healthcyber.underwriting.generated.client.model.Violation;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An integrator's view of the contract: a Java client generated from the committed OpenAPI document
 * (openapi-generator, library native; see pom.xml) decides applications, reads a decision back and
 * receives a problem for bad input. It breaks when the document stops being something a generator
 * turns into a working client, or when the service stops answering what the document promises.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI root;

    private DecisionsApi decisions;

    @BeforeEach
    void client() {
        String token = Tokens.withRoles(Roles.DECISIONS_WRITE, Roles.DECISIONS_READ);
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        decisions = new DecisionsApi(client);
    }

    @Test
    void decidesAPracticeApplicationBuiltFromTheGeneratedModel() throws ApiException {
        Decision decision = decisions.decide(practice("GEN-1001"), null);

        assertEquals("GEN-1001", decision.getApplicationId());
        assertEquals(Product.CYBER_HEALTHCARE, decision.getProduct());
        assertEquals(Outcome.REFER, decision.getOutcome());
        assertEquals(
                List.of("LOSS_HISTORY", "RECENT_BREACH"),
                decision.getReasons().stream().map(Reason::getCode).toList());
        assertEquals(
                List.of(ReasonOutcome.REFER, ReasonOutcome.REFER),
                decision.getReasons().stream().map(Reason::getOutcome).toList());
        assertTrue(decision.getRulesetVersion().matches("sha256:[0-9a-f]{64}"), decision.getRulesetVersion());
    }

    @Test
    void decidesARegistryApplicationAndReadsTheDecisionBack() throws ApiException {
        Decision decision = decisions.decide(registry("GEN-2001"), null);

        assertEquals(Product.MEDICAL_REGISTRY, decision.getProduct());
        assertEquals(Outcome.ACCEPT, decision.getOutcome());
        assertEquals(
                List.of("MIGRATION_CONDITION"),
                decision.getReasons().stream().map(Reason::getCode).toList());
        assertEquals(
                List.of(ReasonOutcome.CONDITION),
                decision.getReasons().stream().map(Reason::getOutcome).toList());

        DecisionRecordView record = decisions.getDecision(decision.getDecisionId());
        assertEquals(decision.getDecisionId(), record.getDecisionId());
        assertEquals(decision.getOutcome(), record.getOutcome());
        assertEquals(decision.getReasons(), record.getReasons());
        assertEquals(decision.getRulesetVersion(), record.getRulesetVersion());
        // The stored request comes back as the generated Application, equal to what was sent.
        assertEquals(registry("GEN-2001"), record.getRequest());
    }

    @Test
    void anInvalidApplicationIsAProblemTheGeneratedModelReads() {
        Application invalid = practice("GEN-1002");
        invalid.getApplicant().setCountry("USA");

        ApiException refused = assertThrows(ApiException.class, () -> decisions.decide(invalid, null));

        assertEquals(400, refused.getCode());
        assertTrue(
                refused.getResponseHeaders()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/problem+json"),
                refused.getResponseHeaders().toString());
        Problem problem = read(refused.getResponseBody());
        assertEquals(400, problem.getStatus());
        assertEquals(
                List.of("applicant.country"),
                problem.getViolations().stream().map(Violation::getField).toList());
    }

    private static Problem read(String body) {
        try {
            return new ApiClient().getObjectMapper().readValue(body, Problem.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The contract's practice example (one claim, one remediated breach: REFER), in generated classes. */
    private static Application practice(String applicationId) {
        return new Application()
                .applicationId(applicationId)
                .product(Product.CYBER_HEALTHCARE)
                .applicant(new Applicant()
                        .name("Riverside Family Medicine")
                        .organizationType(OrganizationType.PHYSICIAN_PRACTICE)
                        .country("US")
                        .state("OH")
                        .annualRevenue(4_200_000L)
                        .employees(28))
                .data(new ApplicationData(new PatientData().patientRecords(38_000L)))
                .controls(controls())
                .history(new History()
                        .willfulMisconduct(false)
                        .knownCircumstances(false)
                        .claims(List.of(new Claim()
                                .date(LocalDate.parse("2023-06-01"))
                                .type(ClaimType.PHISHING)
                                .paid(45_000L)))
                        .breaches(List.of(new Breach()
                                .date(LocalDate.parse("2024-09-15"))
                                .recordsAffected(1_200L)
                                .remediated(true))))
                .coverage(new Coverage()
                        .effectiveDate(LocalDate.parse("2027-01-01"))
                        .limit(1_000_000L)
                        .retention(10_000L)
                        .sections(List.of(
                                CoverageSection.BREACH_RESPONSE,
                                CoverageSection.REGULATORY,
                                CoverageSection.PRIVACY_LIABILITY)));
    }

    /** The contract's registry example (a planned, documented, rollback-tested migration: ACCEPT with a condition). */
    private static Application registry(String applicationId) {
        return new Application()
                .applicationId(applicationId)
                .product(Product.MEDICAL_REGISTRY)
                .applicant(new Applicant()
                        .name("Midwest Orthopaedic Outcomes Consortium")
                        .organizationType(OrganizationType.HEALTHCARE_ASSOCIATION)
                        .country("US")
                        .state("IL")
                        .annualRevenue(18_000_000L)
                        .employees(140))
                .controls(controls())
                .history(new History().willfulMisconduct(false).knownCircumstances(false))
                .coverage(new Coverage()
                        .effectiveDate(LocalDate.parse("2027-01-01"))
                        .limit(3_000_000L)
                        .retention(25_000L)
                        .sections(List.of(
                                CoverageSection.BREACH_RESPONSE,
                                CoverageSection.PRIVACY_LIABILITY,
                                CoverageSection.DATA_RESTORATION)))
                .registries(List.of(new Registry()
                        .name("Regional Joint Replacement Registry")
                        .purpose(RegistryPurpose.QUALITY_IMPROVEMENT)
                        .records(850_000L)
                        .contributingSources(64)
                        .identifiable(true)
                        .containsGeneticData(false)
                        .dataQualityProgram(true)
                        .migration(new Migration()
                                .plannedDate(LocalDate.parse("2027-04-01"))
                                .documentedPlan(true)
                                .rollbackTested(true))));
    }

    private static Controls controls() {
        return new Controls()
                .mfaEmail(true)
                .mfaRemoteAccess(true)
                .mfaPrivilegedAccess(true)
                .endpointDetectionAndResponse(true)
                .offlineBackups(true)
                .lastBackupRestoreTest(LocalDate.parse("2026-05-10"))
                .encryptionAtRest(true)
                .encryptionInTransit(true)
                .portableDeviceEncryption(true)
                .criticalPatchDays(14)
                .endOfLifeSystems(false)
                .rdpExposedToInternet(false)
                .securityAwarenessTraining(true)
                .incidentResponsePlan(true)
                .lastHipaaRiskAssessment(LocalDate.parse("2026-02-01"))
                .businessAssociateAgreements(true);
    }
}
