package com.healthcyber.underwriting.ruleset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent reload attempts, newest first, at most a fixed number: a rejected edit that an
 * underwriter reverts a moment later stays visible after the attempt that followed it, and
 * memory does not grow with the number of reloads.
 */
final class ReloadHistory {

    private final int capacity;
    private final Deque<ReloadAttempt> attempts = new ArrayDeque<>();

    ReloadHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("underwriting.rules.reload-history must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    synchronized void add(ReloadAttempt attempt) {
        attempts.addFirst(attempt);
        while (attempts.size() > capacity) {
            attempts.removeLast();
        }
    }

    synchronized List<ReloadAttempt> newestFirst() {
        return List.copyOf(attempts);
    }
}
