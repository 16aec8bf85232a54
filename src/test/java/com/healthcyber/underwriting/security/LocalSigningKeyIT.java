package com.healthcyber.underwriting.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.healthcyber.underwriting.PackagedService;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.tools.MintToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service, as a newcomer and as an operator with an identity provider run it. */
class LocalSigningKeyIT {

    @TempDir
    Path data;

    @Test
    void withNoIdentityProviderItMakesALocalKeyAndAcceptsTokensMintedFromIt() throws Exception {
        String token = MintToken.mint(data, Set.of(Roles.DECISIONS_WRITE), Duration.ofMinutes(5));
        try (PackagedService service = PackagedService.start(Map.of("UNDERWRITING_DATA_DIR", data.toString()))) {
            assertEquals(200, service.decide(token, Payloads.contractExample()).statusCode());
        }
    }

    @Test
    void withAConfiguredKeyItMakesNoLocalKeyAndRefusesLocalTokens() throws Exception {
        Path elsewhere = data.resolve("minted-elsewhere");
        String localToken = MintToken.mint(elsewhere, Set.of(Roles.DECISIONS_WRITE), Duration.ofMinutes(5));
        Path serviceData = data.resolve("service");
        Map<String, String> environment = new HashMap<>(Tokens.verificationEnvironment());
        environment.put("UNDERWRITING_DATA_DIR", serviceData.toString());
        try (PackagedService service = PackagedService.start(environment)) {
            assertEquals(
                    401, service.decide(localToken, Payloads.contractExample()).statusCode());
            assertEquals(
                    200,
                    service.decide(Tokens.withRoles(Roles.DECISIONS_WRITE), Payloads.contractExample())
                            .statusCode());
        }
        assertFalse(Files.exists(serviceData.resolve("jwt")), "no local key is created");
    }
}
