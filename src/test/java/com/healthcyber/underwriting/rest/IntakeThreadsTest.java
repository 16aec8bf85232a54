package com.healthcyber.underwriting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IntakeThreadsTest {

    private final List<Runnable> handedToWorkers = new ArrayList<>();
    private final Executor workers = handedToWorkers::add;
    private final IntakeThreads intake = new IntakeThreads(workers);

    @Test
    void readsAnHonestSizedBodyOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        var ranOn = new Thread[1];
        var answer = intake.run(IntakeThreads.EVENT_LOOP_MAX_BODY, () -> {
            ranOn[0] = Thread.currentThread();
            return CompletableFuture.completedFuture("decided");
        });
        assertSame(caller, ranOn[0]);
        assertTrue(handedToWorkers.isEmpty());
        assertEquals("decided", answer.toCompletableFuture().join());
    }

    @Test
    void handsALargerBodyToTheWorkersAndNotToTheCallersThread() {
        var ran = new boolean[1];
        var answer = intake.run(IntakeThreads.EVENT_LOOP_MAX_BODY + 1, () -> {
            ran[0] = true;
            return CompletableFuture.completedFuture("refused");
        });
        assertEquals(1, handedToWorkers.size());
        assertTrue(!ran[0], "nothing of the work may run before a worker takes it");
        handedToWorkers.get(0).run();
        assertEquals("refused", answer.toCompletableFuture().join());
    }

    @Test
    void aRefusalOnAWorkerReachesTheCallerAsTheSameException() {
        var answer = intake.run(IntakeThreads.EVENT_LOOP_MAX_BODY + 1, () -> {
            throw new IllegalArgumentException("bad input");
        });
        handedToWorkers.get(0).run();
        var failure = assertThrows(
                CompletionException.class, () -> answer.toCompletableFuture().join());
        assertEquals("bad input", failure.getCause().getMessage());
    }

    @Test
    void theAnswerOfABodyDecidedOnAWorkerContinuesOnTheRequestsEventLoop() throws Exception {
        IntakeThreads threaded = new IntakeThreads(task -> new Thread(task, "test-worker").start());
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Thread> eventLoop = new CompletableFuture<>();
            CompletableFuture<Thread> decidedOn = new CompletableFuture<>();
            CompletableFuture<Thread> continuedOn = new CompletableFuture<>();
            vertx.getOrCreateContext().runOnContext(ignored -> {
                eventLoop.complete(Thread.currentThread());
                threaded.run(IntakeThreads.EVENT_LOOP_MAX_BODY + 1, answerOn -> {
                    decidedOn.complete(Thread.currentThread());
                    answerOn.execute(() -> continuedOn.complete(Thread.currentThread()));
                    return CompletableFuture.completedFuture("decided");
                });
            });
            assertEquals("test-worker", decidedOn.get(10, TimeUnit.SECONDS).getName());
            assertSame(eventLoop.get(10, TimeUnit.SECONDS), continuedOn.get(10, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
