package com.healthcyber.underwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Run it" and "Example" sections, executed as printed, on a copy of the project
 * without build output or data (a fresh clone): the run command, then every command block of
 * the example in order in one shell, each answer checked against the JSON block printed after
 * it. The commands are read from README.md, so the README cannot drift from what works. The
 * one change made to them: {@code localhost:8080} and the management port's {@code localhost:9000}
 * become free ports, because other services may hold them on a build machine (the run gets
 * {@code QUARKUS_HTTP_PORT} and {@code QUARKUS_MANAGEMENT_PORT} to match).
 */
class ReadmeIT {

    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A documented object holding this key is shortened: the real answer may have more fields. */
    private static final String SHORTENED = "…";

    @TempDir
    Path clone;

    record Block(String language, String text) {}

    record Step(String commands, JsonNode documented) {}

    @Test
    void theReadmeRunsAsPrinted() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String runCommand = blocks(section(readme, "## Run it")).stream()
                .filter(block -> block.language().isEmpty() && block.text().contains("quarkus:run"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("README's Run it section has no quarkus:run command"))
                .text()
                .strip();
        List<Step> steps = steps(section(readme, "## Example"));
        assertTrue(
                steps.size() >= 5,
                "the example shows deciding, bad input, the record, replay, search and impact: " + steps.size());

        copyWithoutBuildOutput(Path.of("").toAbsolutePath(), clone);
        int port = freePort();
        int managementPort = freePort();
        ProcessBuilder run = new ProcessBuilder("bash", "-c", runCommand)
                .directory(clone.toFile())
                .redirectErrorStream(true)
                .redirectOutput(clone.resolve("run.log").toFile());
        run.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        run.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Process service = run.start();
        try {
            awaitReady(service, managementPort);
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < steps.size(); i++) {
                script.append("{\n")
                        .append(steps.get(i)
                                .commands()
                                .replace("localhost:8080", "localhost:" + port)
                                .replace("localhost:9000", "localhost:" + managementPort))
                        .append("\n} > out-")
                        .append(i)
                        .append(".txt\n");
            }
            Files.writeString(clone.resolve("example.sh"), script);
            Process example = new ProcessBuilder("bash", "example.sh")
                    .directory(clone.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(clone.resolve("example.log").toFile())
                    .start();
            assertTrue(example.waitFor(300, TimeUnit.SECONDS), "the example's commands finish");
            for (int i = 0; i < steps.size(); i++) {
                String answer =
                        Files.readString(clone.resolve("out-" + i + ".txt")).strip();
                String where = "README example block " + (i + 1) + " ("
                        + firstLine(steps.get(i).commands()) + ") answered: " + answer + "\n"
                        + Files.readString(clone.resolve("example.log"));
                JsonNode actual;
                try {
                    actual = JSON.readTree(answer);
                } catch (IOException e) {
                    throw new AssertionError(where, e);
                }
                assertFalse(actual == null || actual.isMissingNode(), where);
                assertSameShape(steps.get(i).documented(), actual, "$", where);
            }
        } finally {
            service.descendants().forEach(ProcessHandle::destroy);
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.descendants().forEach(ProcessHandle::destroyForcibly);
                service.destroyForcibly();
            }
        }
    }

    /** Each command block with the JSON block printed after it (its documented answer). */
    static List<Step> steps(String section) throws IOException {
        List<Step> steps = new ArrayList<>();
        String commands = null;
        for (Block block : blocks(section)) {
            if (block.language().isEmpty()) {
                assertEquals(null, commands, "a command block without its documented answer: " + commands);
                commands = block.text();
            } else if (block.language().equals("json") && commands != null) {
                steps.add(new Step(commands, JSON.readTree(block.text())));
                commands = null;
            }
        }
        assertEquals(null, commands, "a command block without its documented answer: " + commands);
        return steps;
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(markdown);
        while (fence.find()) {
            blocks.add(new Block(fence.group(1), fence.group(2)));
        }
        return blocks;
    }

    static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no section " + heading);
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /**
     * The same fields, recursively; where the README shortens an object with "…", the answer may
     * have more. Arrays are compared by their first element (an element with a "name", by the
     * answer's element of that name); values only by kind (object, array
     * or other), except that a documented {@code null} admits anything.
     */
    static void assertSameShape(JsonNode documented, JsonNode actual, String path, String where) {
        if (documented.isNull()) {
            return;
        }
        if (documented.isObject()) {
            assertTrue(actual.isObject(), path + " is an object: " + where);
            Set<String> expected = new HashSet<>();
            documented.fieldNames().forEachRemaining(expected::add);
            boolean shortened = expected.remove(SHORTENED);
            Set<String> got = new HashSet<>();
            actual.fieldNames().forEachRemaining(got::add);
            if (shortened) {
                assertTrue(got.containsAll(expected), path + " has " + expected + ", got " + got + ": " + where);
            } else {
                assertEquals(expected, got, path + "'s fields: " + where);
            }
            for (String field : expected) {
                assertSameShape(documented.get(field), actual.get(field), path + "." + field, where);
            }
        } else if (documented.isArray()) {
            assertTrue(actual.isArray(), path + " is an array: " + where);
            if (documented.isEmpty() || actual.isEmpty()) {
                return;
            }
            // Elements that carry a name (health checks) come in no promised order: the one of that name.
            JsonNode shown = documented.get(0);
            JsonNode counterpart = actual.get(0);
            if (shown.path("name").isTextual()) {
                for (Iterator<JsonNode> each = actual.elements(); each.hasNext(); ) {
                    JsonNode candidate = each.next();
                    if (shown.get("name").equals(candidate.get("name"))) {
                        counterpart = candidate;
                    }
                }
            }
            assertSameShape(shown, counterpart, path + "[0]", where);
        } else {
            assertFalse(actual.isContainerNode(), path + " is a value: " + where);
        }
    }

    /** A fresh clone has no build output, no data and no local key. */
    private static void copyWithoutBuildOutput(Path project, Path target) throws IOException {
        Set<Path> skipped = Set.of(project.resolve("target"), project.resolve("data"), project.resolve(".git"));
        try (Stream<Path> files = Files.walk(project)) {
            for (Path file :
                    (Iterable<Path>) files.filter(file -> skipped.stream().noneMatch(file::startsWith))::iterator) {
                Path copy = target.resolve(project.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private void awaitReady(Process service, int managementPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .build();
        // The run command builds the whole project before it starts the service; on a shared
        // two-core machine that alone has taken over four minutes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                fail("the run command exited (" + service.exitValue() + "):\n" + tail(clone.resolve("run.log")));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still building or starting
            }
            Thread.sleep(500);
        }
        fail("the service did not become ready:\n" + tail(clone.resolve("run.log")));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
