package com.souq.commerce.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What a run did and found, printed and written to {@code reliability/results/<run>.md}. */
final class RunReport {

    private final String title;
    private final Instant started = Instant.now();
    private final double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    private final List<String> facts = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    RunReport(String title) {
        this.title = title;
    }

    void fact(String fact) {
        facts.add(fact);
        System.out.println("[reliability] " + fact);
    }

    void section(String heading, String body) {
        sections.add("## " + heading + "\n\n" + body);
    }

    String text() {
        return "# " + title + "\n\n"
                + "Run at " + started.truncatedTo(ChronoUnit.SECONDS) + " for "
                + Duration.between(started, Instant.now()).toSeconds() + " s on "
                + Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version()
                + "; system load average at the start " + String.format("%.1f", loadAtStart)
                + " (the machine is shared with other builds: timings are those of a loaded machine).\n\n"
                + String.join("\n", facts.stream().map(fact -> "- " + fact).toList()) + "\n\n"
                + String.join("\n", sections);
    }

    Path write(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + ".md");
            Files.writeString(file, text());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
