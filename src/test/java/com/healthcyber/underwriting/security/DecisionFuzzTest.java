package com.healthcyber.underwriting.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.Payloads;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random payloads at POST /decisions: every answer must be a decision or a 4xx
 * problem, never a 5xx, a stack trace or an implementation detail. jqwik generates the values
 * (outside a jqwik property, hence {@code sample()}); the seed drives the mutations, and a
 * failure prints the body that caused it.
 *
 * <p>A short run is part of the suite; the long run is
 * {@code ./mvnw -B test -Dtest=DecisionFuzzTest -Dfuzz.inputs=100000} (seed: {@code -Dfuzz.seed=…}).
 */
@QuarkusTest
class DecisionFuzzTest {

    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 400);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<Integer> ALLOWED = Set.of(200, 400, 413);

    private final Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(300);
    private final Arbitrary<String> fieldNames =
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
    private final Arbitrary<Long> anyLong = Arbitraries.longs();
    private final Arbitrary<Double> anyDouble = Arbitraries.doubles();

    @Test
    void everyMutatedOrRandomPayloadGetsADecisionOrAProblem() throws Exception {
        JsonNode example = MAPPER.readTree(Payloads.contractExample());
        Random random = new Random(SEED);
        String token = Tokens.withRoles(Roles.DECISIONS_WRITE);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int input = 0; input < INPUTS; input++) {
            byte[] body = payload(example, random);
            Response response = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/decisions");
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String text = response.asString();
            String sent = new String(body, StandardCharsets.UTF_8);
            String context = "seed " + SEED + ", input " + input + ": " + status + " " + text + "\nfor body: "
                    + (sent.length() > 2000 ? sent.substring(0, 2000) + "…" : sent);
            assertTrue(ALLOWED.contains(status), context);
            if (status == 200) {
                assertTrue(
                        Set.of("ACCEPT", "REFER", "DECLINE")
                                .contains(response.jsonPath().getString("outcome")),
                        context);
            } else {
                assertTrue(response.contentType().startsWith("application/problem+json"), context);
                assertEquals(status, response.jsonPath().getInt("status"), context);
                // However many problems a body holds, the answer names a bounded number of them.
                assertTrue(text.length() < 40_000, "a bounded answer: " + context);
                for (String leak :
                        List.of("Exception", "\tat ", "com.healthcyber", "com.fasterxml", "java.lang", "org.drools")) {
                    assertFalse(text.contains(leak), "leaks '" + leak + "': " + context);
                }
            }
        }
        Log.infof("fuzzed POST /decisions with %d inputs (seed %d): statuses %s", INPUTS, SEED, statuses);
    }

    private byte[] payload(JsonNode example, Random random) throws Exception {
        switch (random.nextInt(14)) {
            case 0:
                return anyText.sample().getBytes(StandardCharsets.UTF_8);
            case 1: {
                byte[] noise = new byte[random.nextInt(400)];
                random.nextBytes(noise);
                return noise;
            }
            case 2: {
                String text = MAPPER.writeValueAsString(example);
                return text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            }
            case 3: {
                StringBuilder text = new StringBuilder(MAPPER.writeValueAsString(example));
                for (int edit = 0; edit < 1 + random.nextInt(4); edit++) {
                    int at = random.nextInt(text.length());
                    text.insert(at, "{}[]\",:0-eE.\\ntrue".charAt(random.nextInt(17)));
                }
                return text.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 4:
                return structuralBlowUp(example, random);
            case 5:
                return otherEncoding(MAPPER.writeValueAsString(example), random);
            case 6: {
                // Escapes no store keeps as text: NUL and unpaired surrogates, in a random string value.
                String text = MAPPER.writeValueAsString(example);
                List<Integer> strings = new ArrayList<>();
                for (int at = text.indexOf(":\""); at >= 0; at = text.indexOf(":\"", at + 1)) {
                    strings.add(at + 2);
                }
                String escape = List.of("\\u0000", "\\ud800", "\\udfff", "\\ude00\\ud83d", "\\ud83d")
                        .get(random.nextInt(5));
                int at = strings.get(random.nextInt(strings.size()));
                return (text.substring(0, at) + escape + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            default: {
                JsonNode mutated = example.deepCopy();
                for (int mutation = 0; mutation < 1 + random.nextInt(3); mutation++) {
                    mutated = mutate(mutated, random);
                }
                return MAPPER.writeValueAsBytes(mutated);
            }
        }
    }

    /**
     * The probe's shapes, near the body limit: a list of unreadable entries (100,000 made one
     * request take minutes), thousands of unknown fields, nesting at the depth limit.
     */
    private byte[] structuralBlowUp(JsonNode example, Random random) throws Exception {
        String text = MAPPER.writeValueAsString(example);
        int room = 250_000 - text.length();
        String blowUp = switch (random.nextInt(4)) {
            case 0 -> "\"registries\":[" + "0,".repeat(room / 2 - 10) + "0]";
            case 1 -> "\"history\":{\"claims\":[" + "{\"date\":1,\"paid\":\"x\"},".repeat(room / 25 - 2) + "{}]}";
            case 2 -> {
                StringBuilder fields = new StringBuilder("\"u\":0");
                for (int field = 0; fields.length() < room - 20; field++) {
                    fields.append(",\"u").append(field).append("\":[]");
                }
                yield fields.toString();
            }
            default -> "\"x\":[" + ("[".repeat(30) + "]".repeat(30) + ",").repeat(room / 62 - 1) + "[]]";
        };
        return ("{" + blowUp + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    /** Anything but plain UTF-8: a byte order mark, UTF-16 or UTF-32, overlong forms, encoded surrogates, stray bytes. */
    private static byte[] otherEncoding(String text, Random random) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[][] sequences = {
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFF},
            {(byte) 0x80},
            {(byte) 0xC3}
        };
        switch (random.nextInt(4)) {
            case 0: {
                byte[] withBom = new byte[utf8.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(utf8, 0, withBom, 3, utf8.length);
                return withBom;
            }
            case 1:
                return text.getBytes(java.nio.charset.Charset.forName(
                        List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "UTF-32BE")
                                .get(random.nextInt(6))));
            default: {
                byte[] sequence = sequences[random.nextInt(sequences.length)];
                int at = random.nextInt(utf8.length);
                byte[] broken = new byte[utf8.length + sequence.length];
                System.arraycopy(utf8, 0, broken, 0, at);
                System.arraycopy(sequence, 0, broken, at, sequence.length);
                System.arraycopy(utf8, at, broken, at + sequence.length, utf8.length - at);
                return broken;
            }
        }
    }

    /** Changes one randomly chosen place of the tree: removes it, replaces it or adds beside it. */
    private JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int choice = random.nextInt(3);
            if (choice == 0 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else if (choice == 1 && !names.isEmpty()) {
                object.set(names.get(random.nextInt(names.size())), randomValue(random, 0));
            } else {
                object.set(fieldNames.sample(), randomValue(random, 0));
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), randomValue(random, 0));
            } else {
                array.add(randomValue(random, 0));
            }
        }
        return random.nextInt(40) == 0 ? NODES.arrayNode().add(root) : root;
    }

    private JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 9 : 12)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(anyLong.sample());
            case 3:
                return NODES.numberNode(anyDouble.sample());
            case 4:
                return NODES.numberNode(new java.math.BigInteger(200, random));
            case 5:
                return NODES.textNode(anyText.sample());
            case 6:
                return NODES.textNode("x".repeat(random.nextInt(20_000)));
            case 7:
                return NODES.textNode(List.of("2026-02-30", "9999-12-31", "0000-01-01", "-1", "PHISHING", "US", "")
                        .get(random.nextInt(7)));
            case 8:
                return deeplyNested(random.nextInt(60));
            case 9: {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < random.nextInt(5); i++) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = 0; i < random.nextInt(5); i++) {
                    object.set(fieldNames.sample(), randomValue(random, depth + 1));
                }
                return object;
            }
        }
    }

    private static JsonNode deeplyNested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int level = 0; level < depth; level++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }
}
