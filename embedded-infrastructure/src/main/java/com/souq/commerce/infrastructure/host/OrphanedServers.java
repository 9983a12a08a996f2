package com.souq.commerce.infrastructure.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server the engine started lives on when the engine is killed with SIGKILL, and keeps the lock on its data
 * directory. Before starting on that directory again, the engine stops such an orphan, found through the pid file
 * it left: gently first (SIGTERM, which both PostgreSQL and Elasticsearch answer with a clean shutdown), by force
 * after a grace period (both recover from their own logs).
 */
public final class OrphanedServers {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServers.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private OrphanedServers() {
    }

    /** Stops the process named by the first line of {@code pidFile} if it still runs {@code commandFragment}. */
    public static void stop(Path pidFile, String commandFragment) {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(commandFragment));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping {} (pid {}) left running by an earlier engine on {}", commandFragment, orphan.get().pid(),
                pidFile.getParent());
        List<ProcessHandle> tree = new ArrayList<>(orphan.get().descendants().toList());
        tree.add(orphan.get());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(GRACE);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static void writePid(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + System.lineSeparator());
        } catch (IOException e) {
            log.warn("Could not write {}: a killed engine's server would have to be stopped by hand", pidFile, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.matches("\\d{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
