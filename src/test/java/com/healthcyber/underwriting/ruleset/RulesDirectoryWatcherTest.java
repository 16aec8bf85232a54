package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesDirectoryWatcherTest {

    @TempDir
    Path rules;

    @Test
    void aBurstOfSavesIsOneReloadAndNewFoldersAreWatched() throws Exception {
        Files.createDirectories(rules.resolve("common"));
        AtomicInteger reloads = new AtomicInteger();
        try (var watcher = new RulesDirectoryWatcher(rules, Duration.ofMillis(400), reloads::incrementAndGet)) {
            for (int save = 0; save < 5; save++) {
                // an editor's save: write a temporary file, then move it over the original
                Path temporary = rules.resolve("common/.conduct.drl.swp");
                Files.writeString(temporary, "rule " + save);
                Files.move(
                        temporary,
                        rules.resolve("common/conduct.drl"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Thread.sleep(50);
            }
            awaitReloads(reloads, 1);
            Thread.sleep(800);
            assertEquals(1, reloads.get(), "one burst, one reload");

            Files.createDirectories(rules.resolve("new-product"));
            Thread.sleep(600);
            int afterFolder = reloads.get();
            Files.writeString(rules.resolve("new-product/appetite.drl"), "rule");
            awaitReloads(reloads, afterFolder + 1);
        }
    }

    private static void awaitReloads(AtomicInteger reloads, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reloads.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, reloads.get());
    }
}
