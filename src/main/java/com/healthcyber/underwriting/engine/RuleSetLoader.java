package com.healthcyber.underwriting.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a rules directory and compiles it with one engine choice (classic DRL or the executable
 * model) and session pool size. The service gets the configured one by injection
 * ({@code ruleset/RuleSetGate}), so reloads and impact analysis of a candidate compile the same
 * way; the standalone tools, benchmarks and tests construct one.
 */
public final class RuleSetLoader {

    private final RuleSetCompiler compiler;

    /** Classic DRL, the default engine. */
    public RuleSetLoader(int sessionPoolSize) {
        this(sessionPoolSize, false);
    }

    public RuleSetLoader(int sessionPoolSize, boolean executableModel) {
        this.compiler = new RuleSetCompiler(sessionPoolSize, executableModel);
    }

    /** The {@code .drl} files of {@code directory}; see {@link RuleSources#read(Path)}. */
    public List<RuleFile> read(Path directory) throws IOException {
        return RuleSources.read(directory);
    }

    /** Compiles files already read, so a caller that compares versions first reads them once. */
    public RuleSet compile(List<RuleFile> files) throws InvalidRuleSetException {
        return compiler.compile(files);
    }

    /** Reads and compiles {@code directory}; the caller owns the ruleset and must activate or retire it. */
    public RuleSet load(Path directory) throws IOException, InvalidRuleSetException {
        return compile(read(directory));
    }
}
