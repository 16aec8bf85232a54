package com.healthcyber.underwriting.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.PackagedService;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service is killed (SIGKILL) while it is deciding under load and started again:
 * every decision it had answered 200 must be on record, on either store.
 */
class KilledServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aKilledServiceLosesNoAnsweredDecisionOnTheEmbeddedStore() throws Exception {
        killAndRestart(Map.of());
    }

    @Test
    void aKilledServiceLosesNoAnsweredDecisionOnPostgresql() throws Exception {
        LocalPostgres.withDatabase(url -> killAndRestart(
                Map.of("UNDERWRITING_STORE_URL", url, "UNDERWRITING_STORE_USERNAME", LocalPostgres.USER)));
    }

    private void killAndRestart(Map<String, String> store) throws Exception {
        Map<String, String> environment = new HashMap<>(store);
        environment.put("UNDERWRITING_DATA_DIR", data.toString());
        environment.putAll(Tokens.verificationEnvironment());
        String writer = Tokens.withRoles(Roles.DECISIONS_WRITE);
        Queue<String> answered = new ConcurrentLinkedQueue<>();

        PackagedService service = PackagedService.start(environment);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService platforms = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            platforms.submit(() -> {
                while (!killed.get()) {
                    try {
                        String body = Payloads.contractExampleWith(
                                application -> application.put("applicationId", "APP-" + UUID.randomUUID()));
                        HttpResponse<String> response = service.decide(writer, body);
                        if (response.statusCode() == 200) {
                            answered.add(JSON.readTree(response.body())
                                    .get("decisionId")
                                    .asText());
                        }
                    } catch (Exception cutOff) {
                        // the request in flight when the process died: never answered, so nothing is owed
                    }
                }
                return null;
            });
        }
        while (answered.size() < 200) {
            Thread.sleep(20);
        }
        service.kill();
        killed.set(true);
        platforms.shutdown();
        assertTrue(platforms.awaitTermination(30, TimeUnit.SECONDS));

        List<String> owed = List.copyOf(answered);
        try (PackagedService restarted = PackagedService.start(environment)) {
            String reader = Tokens.withRoles(Roles.DECISIONS_READ);
            List<String> missing = owed.stream()
                    .filter(id -> {
                        try {
                            return restarted.get(reader, "/decisions/" + id).statusCode() != 200;
                        } catch (Exception e) {
                            return true;
                        }
                    })
                    .toList();
            assertEquals(List.of(), missing, "answered decisions missing after the kill, of " + owed.size());
        }
    }
}
