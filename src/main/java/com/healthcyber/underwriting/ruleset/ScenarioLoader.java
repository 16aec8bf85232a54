package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.engine.RuleProblem;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the scenarios under {@code <rules>/scenarios/}; base applications live in {@code scenarios/bases/}. */
public final class ScenarioLoader {

    public static final String DIRECTORY = "scenarios";
    private static final String BASES = "bases";

    private final ObjectMapper mapper;

    public ScenarioLoader(ObjectMapper strictMapper) {
        this.mapper = strictMapper;
    }

    public record Loaded(List<Scenario> scenarios, List<RuleProblem> problems) {}

    public Loaded load(Path rulesDirectory) {
        Path directory = rulesDirectory.resolve(DIRECTORY);
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Loaded(scenarios, problems);
        }
        Map<String, JsonNode> bases = new HashMap<>();
        for (Path file : scenarioFiles(directory, problems)) {
            String name = rulesDirectory.relativize(file).toString().replace('\\', '/');
            try {
                ScenarioFile content = mapper.readValue(file.toFile(), ScenarioFile.class);
                if (content.scenarios() == null || content.scenarios().isEmpty()) {
                    problems.add(new RuleProblem(name, 0, null, "holds no scenarios"));
                    continue;
                }
                for (ScenarioFile.Entry entry : content.scenarios()) {
                    Scenario scenario = toScenario(name, directory, content, entry, bases, problems);
                    if (scenario != null) {
                        scenarios.add(scenario);
                    }
                }
            } catch (JsonProcessingException e) {
                int line =
                        e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
                problems.add(new RuleProblem(name, line, null, "is not a readable scenario file: " + readable(e)));
            } catch (IOException e) {
                problems.add(new RuleProblem(name, 0, null, "cannot be read: " + e.getMessage()));
            }
        }
        return new Loaded(scenarios, problems);
    }

    private Scenario toScenario(
            String file,
            Path directory,
            ScenarioFile content,
            ScenarioFile.Entry entry,
            Map<String, JsonNode> bases,
            List<RuleProblem> problems) {
        String label = entry.name() == null || entry.name().isBlank()
                ? "a scenario without a name"
                : "scenario \"" + entry.name() + "\"";
        List<String> wrong = new ArrayList<>();
        if (entry.name() == null || entry.name().isBlank()) {
            wrong.add("needs a name");
        }
        if (entry.expect() == null || entry.expect().outcome() == null) {
            wrong.add("needs expect.outcome (ACCEPT, REFER or DECLINE) and expect.reasons");
        } else if (entry.expect().requiredAuthority() != null && entry.expect().outcome() != Outcome.REFER) {
            wrong.add("expects a requiredAuthority with outcome "
                    + entry.expect().outcome() + ": only a referral needs one");
        }
        String baseName = entry.base() != null ? entry.base() : content.base();
        if (entry.application() != null && (entry.changes() != null || entry.base() != null)) {
            wrong.add("gives a whole application and changes to a base; give one or the other");
        } else if (entry.application() == null && baseName == null) {
            wrong.add("needs an application, or a base with changes");
        }
        JsonNode application = entry.application();
        if (wrong.isEmpty() && application == null) {
            JsonNode base = base(directory, baseName, bases, wrong);
            application = base == null ? null : merge(base, entry.changes());
        }
        if (!wrong.isEmpty()) {
            problems.add(new RuleProblem(file, 0, null, label + " " + String.join("; ", wrong)));
            return null;
        }
        return new Scenario(file, entry.name(), application, entry.expect());
    }

    private JsonNode base(Path directory, String name, Map<String, JsonNode> bases, List<String> wrong) {
        Path path = directory.resolve(name).normalize();
        if (!path.startsWith(directory.normalize())) {
            wrong.add("names base " + name + " outside the scenarios folder");
            return null;
        }
        JsonNode base = bases.get(name);
        if (base == null) {
            try {
                base = mapper.readTree(path.toFile());
                bases.put(name, base);
            } catch (IOException e) {
                wrong.add("names base " + name + ", which cannot be read: " + firstLine(e.getMessage()));
            }
        }
        return base;
    }

    private static List<Path> scenarioFiles(Path directory, List<RuleProblem> problems) {
        try (Stream<Path> paths = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            return paths.filter(path -> path.toString().endsWith(".json"))
                    .filter(path -> !directory.relativize(path).startsWith(BASES))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new RuleProblem(DIRECTORY, 0, null, "cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }

    /** JSON merge patch (RFC 7396): objects merge, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? target : patch.deepCopy();
        }
        ObjectNode merged = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue()));
            }
        }
        return merged;
    }

    /** Jackson's message without its parser internals, with the line and column a person can find. */
    static String readable(JsonProcessingException e) {
        String message = firstLine(e.getOriginalMessage()).replaceAll(" \\(start marker at .*", "");
        return e.getLocation() == null
                ? message
                : message + " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replaceAll(" \\(class [^)]*\\)", "");
    }
}
