package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.intake.ApplicationReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swapping rulesets under load: no evaluation fails, none sees a disposed ruleset, none leaks. */
class RuleSetSwapTest {

    private static final String RULE = """
            package underwriting.test;

            import com.healthcyber.underwriting.application.*;
            import function com.healthcyber.underwriting.engine.RuleFunctions.*;

            // revision %d
            rule "Claims are referred"
                @code("LOSS_HISTORY")
                @description("Referred: any claim.")
                @authority("SENIOR_UNDERWRITER")
            when
                Claim()
            then
                insertLogical( refer( drools, "a claim" ) );
            end
            """;

    @TempDir
    Path rules;

    @Test
    void evaluationsDuringFiftySwapsAllSucceedAndOnlyTheActiveRulesetStaysLoaded() throws Exception {
        var application = ApplicationReader.standalone()
                .read(Files.readAllBytes(Path.of("src/main/resources/examples/cyber-healthcare-application.json")));
        RuleEngine engine = new RuleEngine();
        RuleSetLoader loader = new RuleSetLoader(2);
        Files.writeString(rules.resolve("claims.drl"), RULE.formatted(0));
        int liveBefore = RuleSet.live();
        engine.activate(loader.load(rules));

        Set<String> activated = ConcurrentHashMap.newKeySet();
        activated.add(engine.active().orElseThrow().version());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger evaluations = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Runnable load = () -> {
            while (running.get()) {
                try {
                    Evaluation evaluation = engine.evaluate(application);
                    if (!activated.contains(evaluation.rulesetVersion())
                            || evaluation.reasons().size() != 1) {
                        failures.add(new AssertionError("unexpected evaluation " + evaluation));
                    }
                    evaluations.incrementAndGet();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }
        };
        Thread first = new Thread(load);
        Thread second = new Thread(load);
        first.start();
        second.start();
        for (int revision = 1; revision <= 50; revision++) {
            Files.writeString(rules.resolve("claims.drl"), RULE.formatted(revision));
            RuleSet next = loader.load(rules);
            activated.add(next.version());
            engine.activate(next);
        }
        running.set(false);
        first.join();
        second.join();

        assertEquals(List.of(), failures);
        assertTrue(evaluations.get() > 50, "evaluations ran during the swaps: " + evaluations.get());
        assertEquals(51, activated.size());
        assertEquals(liveBefore + 1, RuleSet.live(), "only the active ruleset is still loaded");
        engine.shutdown();
        assertEquals(liveBefore, RuleSet.live());
    }

    @Test
    void retiringARetiredRulesetChangesNothing() throws Exception {
        Files.writeString(rules.resolve("claims.drl"), RULE.formatted(0));
        int liveBefore = RuleSet.live();
        RuleSet ruleSet = new RuleSetLoader(1).load(rules);
        ruleSet.retire();
        ruleSet.retire(); // as a caller does that did not know the gate had retired it already

        assertTrue(ruleSet.isDisposed(), "a second retire must not take the lease count below zero");
        assertFalse(ruleSet.tryAcquire(), "a disposed ruleset must not lend itself to an evaluation");
        assertEquals(liveBefore, RuleSet.live());
    }
}
