package com.healthcyber.underwriting.ruleset;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the rules directory and its sub-directories and calls back once things have been
 * quiet for the debounce period, so that an editor's save-and-rename burst is one reload.
 *
 * <p>Kept on the JDK's WatchService rather than quarkus-scheduler polling a fingerprint: the
 * kernel reports a save at once where a poll adds up to its period to the reload latency and
 * lists the tree on every tick, and this class (and its test) runs without the Quarkus container.
 */
final class RulesDirectoryWatcher implements AutoCloseable {

    private final Path root;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService watchService;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("rules-watch-debounce"));
    private ScheduledFuture<?> pending;

    RulesDirectoryWatcher(Path root, Duration debounce, Runnable onChange) throws IOException {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(root);
        DaemonThreads.named("rules-watch").newThread(this::watch).start();
    }

    private void registerTree(Path directory) throws IOException {
        try (Stream<Path> directories = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            for (Path each : directories.filter(Files::isDirectory).toList()) {
                each.register(
                        watchService,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Path directory = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path created = directory.resolve((Path) event.context());
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                key.reset();
                schedule();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the service is stopping
        } catch (IOException e) {
            Log.errorf(e, "stopped watching %s; reload with POST /rules/reload", root.toAbsolutePath());
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(onChange, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        timer.shutdownNow();
    }
}
