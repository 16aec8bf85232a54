package com.healthcyber.underwriting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Request bodies for endpoint tests, loaded from the examples the OpenAPI document also shows. */
public final class Payloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {}

    public static String contractExample() {
        return text("cyber-healthcare-application.json");
    }

    /** The contract example with one change made to it. */
    public static String contractExampleWith(Consumer<ObjectNode> change) {
        ObjectNode application = (ObjectNode) tree("cyber-healthcare-application.json");
        change.accept(application);
        return application.toString();
    }

    /** The contract example with another critical-patch cadence (the threshold reload tests move). */
    public static String contractExampleWithPatchDays(int days) {
        return contractExampleWith(
                application -> application.withObject("/controls").put("criticalPatchDays", days));
    }

    public static String registryExample() {
        return text("medical-registry-application.json");
    }

    private static JsonNode tree(String name) {
        try {
            return MAPPER.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
