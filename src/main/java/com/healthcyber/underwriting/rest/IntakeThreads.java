package com.healthcyber.underwriting.rest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Where a request body is read and decided. An honest application is a few KiB and costs tens
 * of microseconds, so it stays on its event loop (a hand-off to a worker would cost more than the
 * work). A body far larger than any honest one may cost milliseconds to refuse; it goes to the
 * worker pool, so that it cannot hold up the other requests, health probes included, that share
 * its event loop. Either way the work is told where its answer goes on once the record is
 * committed: back on this request's event loop, captured before any hop to a worker, so that
 * the writer's thread does nothing per answer and the answer is built where the request lives.
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

    /**
     * As {@link #run(int, Supplier)}, handing the work where its answer continues: this request's
     * Vert.x context (its event loop), or the completing thread outside a request.
     */
    public <T> CompletionStage<T> run(int bodyLength, Function<Executor, CompletionStage<T>> work) {
        Executor answerOn = onThisRequestsContext(); // here, on the event loop: a worker has no request context
        return run(bodyLength, () -> work.apply(answerOn));
    }

    private static Executor onThisRequestsContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** Runs the work on this thread, or on a worker for a large body; failures reach the caller as they would inline. */
    public <T> CompletionStage<T> run(int bodyLength, Supplier<CompletionStage<T>> work) {
        if (bodyLength <= EVENT_LOOP_MAX_BODY) {
            return work.get();
        }
        return CompletableFuture.supplyAsync(work, workers).thenCompose(stage -> stage);
    }
}
