package com.healthcyber.underwriting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Where a request body is read and decided. An honest application is a few KiB and costs tens
 * of microseconds, so it stays on its event loop (a hand-off to a worker would cost more than the
 * work). A body far larger than any honest one may cost milliseconds to refuse; it goes to the
 * worker pool, so that it cannot hold up the other requests, health probes included, that share
 * its event loop.
 */
@ApplicationScoped
public class IntakeThreads {

    /** Ten times the largest example application; a registry application at every bound is about 60 KiB. */
    static final int EVENT_LOOP_MAX_BODY = 16 * 1024;

    private final Executor workers;

    @Inject
    public IntakeThreads(ManagedExecutor workers) {
        this((Executor) workers);
    }

    IntakeThreads(Executor workers) {
        this.workers = workers;
    }

    /** Runs the work on this thread, or on a worker for a large body; failures reach the caller as they would inline. */
    public <T> CompletionStage<T> run(int bodyLength, Supplier<CompletionStage<T>> work) {
        if (bodyLength <= EVENT_LOOP_MAX_BODY) {
            return work.get();
        }
        return CompletableFuture.supplyAsync(work, workers).thenCompose(stage -> stage);
    }
}
