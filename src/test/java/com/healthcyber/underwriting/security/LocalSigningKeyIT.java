package com.healthcyber.underwriting.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.tools.MintToken;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service, as a newcomer and as an operator with an identity provider run it. */
class LocalSigningKeyIT {

    @TempDir
    Path data;

    @Test
    void withNoIdentityProviderItMakesALocalKeyAndAcceptsTokensMintedFromIt() throws Exception {
        String token = MintToken.mint(data, Set.of(Roles.DECISIONS_WRITE), Duration.ofMinutes(5));
        try (Service service = Service.start(Map.of("UNDERWRITING_DATA_DIR", data.toString()))) {
            assertEquals(200, service.decide(token));
        }
    }

    @Test
    void withAConfiguredKeyItMakesNoLocalKeyAndRefusesLocalTokens() throws Exception {
        Path elsewhere = data.resolve("minted-elsewhere");
        String localToken = MintToken.mint(elsewhere, Set.of(Roles.DECISIONS_WRITE), Duration.ofMinutes(5));
        Path serviceData = data.resolve("service");
        try (Service service = Service.start(Map.of("UNDERWRITING_DATA_DIR", serviceData.toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/jwt/test-public.pem").toAbsolutePath().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER))) {
            assertEquals(401, service.decide(localToken));
            assertEquals(200, service.decide(Tokens.withRoles(Roles.DECISIONS_WRITE)));
        }
        assertFalse(Files.exists(serviceData.resolve("jwt")), "no local key is created");
    }

    private record Service(Process process, int port) implements AutoCloseable {

        static Service start(Map<String, String> environment) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=0", "-Dunderwriting.rules.watch=false", "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(environment);
            Service service = new Service(builder.start(), port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    service.decide("none");
                    return service;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            service.close();
            throw new AssertionError("the service did not start");
        }

        int decide(String token) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/decisions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Payloads.contractExample())).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
