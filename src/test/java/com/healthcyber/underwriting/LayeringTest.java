package com.healthcyber.underwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of README's code layout, read from the sources: a change that breaks one
 * fails here, not in a review months later.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/com/healthcyber/underwriting");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final String BASE = "com.healthcyber.underwriting.";

    @Test
    void onlyTheEnginePackageImportsKieOrDrools() throws IOException {
        List<String> offenders = new ArrayList<>();
        forEachSource((file, imports) -> {
            if (!packageOf(file).equals("engine")
                    && imports.stream()
                            .anyMatch(name -> name.startsWith("org.kie.") || name.startsWith("org.drools."))) {
                offenders.add(relative(file));
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void restReachesTheRulesOnlyThroughTheirService() throws IOException {
        Set<String> pastTheService = Set.of(
                BASE + "engine.RuleEngine",
                BASE + "engine.RuleSet",
                BASE + "engine.RuleSetLoader",
                BASE + "engine.RuleSetCompiler",
                BASE + "ruleset.RuleSetReloader",
                BASE + "ruleset.RuleSetVerifier",
                BASE + "impact.ImpactService");
        List<String> offenders = new ArrayList<>();
        forEachSource((file, imports) -> {
            if (packageOf(file).equals("rest")) {
                imports.stream()
                        .filter(pastTheService::contains)
                        .forEach(name -> offenders.add(relative(file) + " imports " + name));
            }
        });
        assertEquals(List.of(), offenders);
    }

    /**
     * The console is the API's sibling: it calls the same services (DecisionHistory,
     * DecisionService, RulesService, ReferralService) and of engine and audit sees only the values they hand out,
     * never the engine, the store or the rules' lifecycle behind them; and neither imports the other.
     */
    @Test
    void theConsoleReachesOnlyTheServicesTheApiUses() throws IOException {
        Set<String> valuesTheServicesHandOut = Set.of(
                BASE + "audit.DecisionRecord",
                BASE + "audit.DecisionSearch",
                BASE + "audit.ReplaySelection",
                // ReferralService's: the desk's query and page (as GET /referrals), the book's referral ages.
                BASE + "audit.ReferralSearch",
                BASE + "audit.ReferralRecord",
                BASE + "audit.ReferralAges",
                BASE + "audit.StoreUnavailableException",
                BASE + "engine.RuleDefinition",
                BASE + "engine.RuleProblem",
                BASE + "engine.RuleKind");
        List<String> offenders = new ArrayList<>();
        forEachSource((file, imports) -> {
            String from = packageOf(file);
            for (String name : imports) {
                boolean pastTheServices = from.equals("console")
                        && (name.startsWith(BASE + "engine.") || name.startsWith(BASE + "audit."))
                        && !valuesTheServicesHandOut.contains(name);
                boolean sibling = (from.equals("console") && name.startsWith(BASE + "rest."))
                        || (from.equals("rest") && name.startsWith(BASE + "console."));
                if (pastTheServices || sibling) {
                    offenders.add(relative(file) + " imports " + name);
                }
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void onlyTheLoaderCompilesARulesDirectory() throws IOException {
        List<String> offenders = new ArrayList<>();
        forEachSource((file, imports) -> {
            if (!relative(file).equals("engine/RuleSetLoader.java")
                    && Files.readString(file).contains("new RuleSetCompiler(")) {
                offenders.add(relative(file));
            }
        });
        assertEquals(List.of(), offenders);
    }

    @Test
    void packagesImportEachOtherWithoutCircles() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        forEachSource((file, imports) -> {
            String from = packageOf(file);
            Set<String> to = uses.computeIfAbsent(from, key -> new TreeSet<>());
            imports.stream()
                    .filter(name -> name.startsWith(BASE))
                    .map(name -> name.substring(BASE.length(), name.indexOf('.', BASE.length())))
                    .filter(name -> !name.equals(from))
                    .forEach(to::add);
        });
        List<String> circles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCircle(start, start, uses, new ArrayList<>(List.of(start)), circles);
        }
        assertEquals(List.of(), circles);
    }

    private static void findCircle(
            String start, String at, Map<String, Set<String>> uses, List<String> path, List<String> circles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                circles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next)
                    && next.compareTo(start) > 0) { // each circle once, from its smallest package
                path.add(next);
                findCircle(start, next, uses, path, circles);
                path.remove(path.size() - 1);
            }
        }
    }

    private interface SourceVisitor {
        void visit(Path file, List<String> imports) throws IOException;
    }

    private static void forEachSource(SourceVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                List<String> imports = new ArrayList<>();
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    imports.add(matcher.group(1));
                }
                visitor.visit(file, imports);
            }
        }
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }

    private static String relative(Path file) {
        return SOURCES.relativize(file).toString().replace('\\', '/');
    }
}
