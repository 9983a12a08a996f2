package com.souq.commerce.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One engine as an operating-system process of its own, started from the engine's exec jar on a fixed port against
 * the run's shared servers. A configured datasource and Elasticsearch URL keep the engine from starting embedded
 * servers of its own ({@code EmbeddedInfrastructure}). {@link #kill()} is SIGKILL: no shutdown hook, no commit, no
 * release of the segments it claimed; {@link #start()} starts a new process on the same port and log.
 */
final class EngineProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;
    private final List<Long> pids = new ArrayList<>();

    EngineProcess(String name, Path engineJar, SharedServers servers, Path logDirectory, List<String> properties) {
        if (!Files.isRegularFile(engineJar)) {
            throw new IllegalStateException("No engine jar at " + engineJar.toAbsolutePath()
                    + ": build it first (./mvnw -pl engine -am package -DskipTests)");
        }
        this.name = name;
        this.port = freePort();
        this.log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", engineJar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + servers.postgres().jdbcUrl(),
                "--spring.datasource.username=" + servers.postgres().username(),
                "--spring.datasource.password=" + (servers.postgres().password() == null ? ""
                        : servers.postgres().password()),
                "--souq.elasticsearch.url=" + servers.elasticsearch(),
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--logging.level.root=WARN", "--logging.level.com.souq=INFO"));
        command.addAll(properties);
        this.command = List.copyOf(command);
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The process ids this engine ran under, one per start: Axon names a segment's owner {@code pid@host}. */
    synchronized List<Long> pids() {
        return List.copyOf(pids);
    }

    synchronized long pid() {
        return process.pid();
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + Instant.now() + " " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            pids.add(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until the engine answers ready (PostgreSQL and Elasticsearch checked); answers how long it took. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process current;
            synchronized (this) {
                current = process;
            }
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with " + current.exitValue() + " while starting: see "
                        + log.toAbsolutePath());
            }
            if (ready()) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; its threads were dumped into "
                + log.toAbsolutePath() + ", whose last lines read:\n" + dumpThreadsAndTail(40));
    }

    /**
     * Appends a thread dump of the running process to its log ({@code jcmd Thread.print}) and answers the log's last
     * lines: what a start that never became ready was waiting for, visible in the run's output.
     */
    private String dumpThreadsAndTail(int lines) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            jcmd.waitFor(30, TimeUnit.SECONDS);
            List<String> all = Files.readAllLines(log);
            List<String> beforeDump = all.subList(0, Math.max(0, indexOfLastDump(all)));
            return String.join("\n", beforeDump.subList(Math.max(0, beforeDump.size() - lines), beforeDump.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static int indexOfLastDump(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("Full thread dump")) {
                return Math.max(0, i - 1);
            }
        }
        return lines.size();
    }

    boolean ready() {
        try {
            HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl()
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        Process current;
        synchronized (this) {
            current = process;
        }
        current.destroyForcibly();
        if (!current.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + current.pid() + ") survived SIGKILL for 30 s");
        }
    }

    @Override
    public void close() {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(20, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
