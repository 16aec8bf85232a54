package com.healthcyber.underwriting.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a set of DRL files into a {@link RuleSet}, or explains, file by file and rule by
 * rule, why it cannot.
 */
public final class RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String PARSER_GAVE_UP = "Parser returned a null Package";
    private static final Comparator<RuleProblem> BY_LOCATION = Comparator.comparing(
                    (RuleProblem problem) -> String.valueOf(problem.file()))
            .thenComparingInt(RuleProblem::line);
    private static final String FUNCTION_ERROR = "[ function ";
    static final String NOT_COMPILED =
            "not compiled: a file with a syntax error hides what the rest of its package declares; "
                    + "fix the syntax errors above and check again for any other problem";
    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("Rule name='([^']*)'|in rule \"([^\"]*)\"");

    private final int sessionPoolSize;
    private final boolean executableModel;

    /** Serves from classic DRL: the default, whose memory stays flat across reloads. */
    public RuleSetCompiler(int sessionPoolSize) {
        this(sessionPoolSize, false);
    }

    /**
     * @param executableModel serve from the executable model, which has been measured to keep
     *     some memory per reload and to be no cheaper per decision (docs/benchmarks.md)
     */
    public RuleSetCompiler(int sessionPoolSize, boolean executableModel) {
        this.sessionPoolSize = sessionPoolSize;
        this.executableModel = executableModel;
    }

    public RuleSet compile(List<RuleFile> files) throws InvalidRuleSetException {
        if (files.isEmpty()) {
            throw new InvalidRuleSetException(
                    List.of(new RuleProblem(null, 0, null, "the rules directory holds no .drl file")));
        }
        Map<String, ParsedRuleFile> parsed = new LinkedHashMap<>();
        for (RuleFile file : files) {
            parsed.put(file.path(), ParsedRuleFile.parse(file));
        }
        List<RuleProblem> problems = new ArrayList<>(RuleLinter.lint(List.copyOf(parsed.values())));
        problems.sort(BY_LOCATION);
        List<RuleProblem> syntaxErrors = parsed.values().stream()
                .flatMap(file -> file.syntaxErrors().stream())
                .sorted(BY_LOCATION)
                .toList();
        if (!syntaxErrors.isEmpty()) {
            // A file that does not parse takes its package's declared types and functions with
            // it, so compiling anyway answered one missing parenthesis with dozens of "cannot be
            // resolved" in other files, the real error among them. Its syntax errors are the
            // root cause: they come first, and nothing is compiled until they are fixed.
            List<RuleProblem> reported = new ArrayList<>(syntaxErrors);
            reported.addAll(problems);
            reported.add(new RuleProblem(null, 0, null, NOT_COMPILED));
            throw new InvalidRuleSetException(reported);
        }

        KieServices kieServices = KieServices.Factory.get();
        // Classic DRL compilation reports every error with its file, line and rule: it is always
        // the checker. When asked, the executable model (constraints compiled to Java) serves
        // instead.
        Build checked = build(kieServices, files, parsed, DrlProject.class);
        problems.addAll(checked.problems(parsed));
        Build serving = checked;
        if (executableModel && problems.isEmpty()) {
            kieServices.getRepository().removeKieModule(checked.releaseId());
            serving = build(kieServices, files, parsed, ExecutableModelProject.class);
            problems.addAll(serving.problems(parsed));
        }
        if (!problems.isEmpty()) {
            kieServices.getRepository().removeKieModule(serving.releaseId());
            // A function that does not compile makes every rule of its package fail with "The
            // import … cannot be resolved": the function's own error is the cause, so it leads.
            problems.sort(Comparator.comparing(
                            (RuleProblem problem) -> !problem.message().startsWith(FUNCTION_ERROR))
                    .thenComparing(BY_LOCATION));
            throw new InvalidRuleSetException(problems);
        }

        List<RuleDefinition> definitions = new ArrayList<>();
        for (RuleFile file : files) {
            definitions.addAll(parsed.get(file.path()).definitions());
        }
        KieContainer container = kieServices.newKieContainer(serving.releaseId());
        // The container keeps its own module; the repository's copy would only pile up across reloads.
        kieServices.getRepository().removeKieModule(serving.releaseId());
        return new RuleSet(
                RuleSources.version(files), List.copyOf(definitions), container, sessionPoolSize, Instant.now());
    }

    /** One KieBuilder run over the files, and where each of its messages came from. */
    private record Build(ReleaseId releaseId, KieBuilder builder, Map<String, String> sourceByBuildPath) {

        List<RuleProblem> problems(Map<String, ParsedRuleFile> parsed) {
            List<RuleProblem> problems = new ArrayList<>();
            for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
                if (!message.getText().startsWith(PARSER_GAVE_UP)) { // follows a syntax error already reported
                    problems.add(locate(message, sourceByBuildPath, parsed));
                }
            }
            return problems;
        }
    }

    private static Build build(
            KieServices kieServices,
            List<RuleFile> files,
            Map<String, ParsedRuleFile> parsed,
            Class<? extends KieBuilder.ProjectType> projectType) {
        // A fresh ReleaseId per build: the KieRepository is keyed by it, and a reused one would
        // hand back a module compiled from older rules.
        ReleaseId releaseId =
                kieServices.newReleaseId("com.healthcyber.underwriting", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem fileSystem = kieServices.newKieFileSystem();
        fileSystem.generateAndWritePomXML(releaseId);
        Map<String, String> sourceByBuildPath = new HashMap<>();
        for (RuleFile file : files) {
            String resourcePath =
                    parsed.get(file.path()).packagePath() + file.path().replace('/', '_');
            sourceByBuildPath.put(resourcePath, file.path()); // messages name resources relative to src/main/resources
            fileSystem.write(RESOURCES + resourcePath, file.content());
        }
        return new Build(releaseId, kieServices.newKieBuilder(fileSystem).buildAll(projectType), sourceByBuildPath);
    }

    private static RuleProblem locate(
            Message message, Map<String, String> sourceByBuildPath, Map<String, ParsedRuleFile> parsed) {
        String file = message.getPath() == null ? null : sourceByBuildPath.get(message.getPath());
        int line = Math.max(message.getLine(), 0);
        String rule = null;
        Matcher named = RULE_NAME_IN_MESSAGE.matcher(message.getText());
        if (named.find()) {
            rule = named.group(1) != null ? named.group(1) : named.group(2);
        }
        ParsedRuleFile source = file == null ? null : parsed.get(file);
        if (source != null) {
            RuleDescr enclosing = rule == null ? source.ruleAt(line) : source.rule(rule);
            if (enclosing != null) {
                rule = enclosing.getName();
                if (line <= 0) {
                    line = enclosing.getLine();
                }
            }
        }
        return new RuleProblem(file, line, rule, tidy(message.getText()));
    }

    /** A problem the parser found in {@code file}, named by the rule its text names, if any. */
    static RuleProblem problem(String file, int line, String text) {
        Matcher named = RULE_NAME_IN_MESSAGE.matcher(text);
        String rule = null;
        if (named.find()) {
            rule = named.group(1) != null ? named.group(1) : named.group(2);
        }
        return new RuleProblem(file, line, rule, tidy(text));
    }

    /** Drops Drools' internal prefixes so the underwriter reads what is wrong, not where Drools noticed it. */
    private static String tidy(String text) {
        return text.replaceAll("\\s+", " ")
                .replaceAll("Rule Compilation error :? ?(\\[Rule name='[^']*'\\])?", "")
                .replaceAll(" for the type Rule_\\w+", "")
                .replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)", "$1") // Controls.mfaEmial(), not com.….Controls
                .trim();
    }
}
