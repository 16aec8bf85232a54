package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.engine.RuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which rule codes a new ruleset adds, removes or changes compared with the one it replaces. */
public record RuleChanges(Set<String> added, Set<String> removed, Set<String> changed) {

    public static RuleChanges between(List<RuleDefinition> before, List<RuleDefinition> after) {
        Map<String, RuleDefinition> old = byCode(before);
        Map<String, RuleDefinition> now = byCode(after);
        Set<String> added = new TreeSet<>(now.keySet());
        added.removeAll(old.keySet());
        Set<String> removed = new TreeSet<>(old.keySet());
        removed.removeAll(now.keySet());
        Set<String> changed = now.keySet().stream()
                .filter(old::containsKey)
                .filter(code ->
                        !old.get(code).fingerprint().equals(now.get(code).fingerprint()))
                .collect(Collectors.toCollection(TreeSet::new));
        return new RuleChanges(added, removed, changed);
    }

    private static Map<String, RuleDefinition> byCode(List<RuleDefinition> rules) {
        return rules.stream().collect(Collectors.toMap(RuleDefinition::code, Function.identity(), (a, b) -> a));
    }

    @Override
    public String toString() {
        return "added " + added + ", removed " + removed + ", changed " + changed;
    }
}
