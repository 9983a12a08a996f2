package com.souq.commerce.benchmark;

import com.souq.commerce.operations.processor.ProcessorControl;
import com.souq.commerce.operations.rebuild.ReadModelRebuilds;
import com.souq.commerce.operations.rebuild.RebuildProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blue-green rebuild of the {@code listings} read model over a large store: generated vendors and listings (created
 * and published: two events per listing) are appended and projected live, then the read model is rebuilt through the
 * same code as the admin API while its live processor keeps running. Every other processor is paused during the run,
 * so the figure is the rebuild's alone (the search index would otherwise take the machine). The rate is events of
 * the store gone through per second, from the start of the rebuild to the moment the copy has caught up; the switch
 * itself is timed apart.
 */
final class RebuildBenchmark {

    private static final String READ_MODEL = "listings";

    private RebuildBenchmark() {
    }

    static void run(Options options) throws Exception {
        int events = options.number("events", 1_000_000);
        try (BenchmarkEngine engine = BenchmarkEngine.start(options.engineSettings())) {
            ProcessorControl control = engine.bean(ProcessorControl.class);
            List<String> others = engine.bean(EventProcessingConfiguration.class).eventProcessors().keySet().stream()
                    .filter(name -> !name.equals(READ_MODEL)).sorted().toList();
            others.forEach(control::pause);

            CatalogGenerator generator = new CatalogGenerator(engine.bean(EventStore.class));
            generator.vendors(150);
            Instant appendStart = Instant.now();
            long appended = generator.listings((events - 450) / 2, 500);
            Duration appending = Duration.between(appendStart, Instant.now());
            long head = engine.head();
            Duration live = Duration.between(appendStart, Instant.now())
                    .plus(engine.awaitCaughtUp(READ_MODEL, head, Duration.ofHours(1)));
            long rows = engine.bean(JdbcClient.class).sql("SELECT count(*) FROM listings").query(Long.class).single();

            ReadModelRebuilds rebuilds = engine.bean(ReadModelRebuilds.class);
            Instant start = Instant.now();
            rebuilds.start(READ_MODEL);
            RebuildProgress progress = rebuilds.progress(READ_MODEL).orElseThrow();
            while (progress.state().equals("BUILDING") || progress.state().equals("SWAPPING")) {
                Thread.sleep(200);
                progress = rebuilds.progress(READ_MODEL).orElseThrow();
            }
            if (!progress.state().equals("COMPLETED")) {
                throw new IllegalStateException("The rebuild ended " + progress);
            }
            Duration total = Duration.between(start, progress.finishedAt());
            Duration building = Duration.between(start, progress.caughtUpAt());
            Duration switching = Duration.between(progress.caughtUpAt(), progress.finishedAt());
            long rebuiltRows = engine.bean(JdbcClient.class).sql("SELECT count(*) FROM listings").query(Long.class)
                    .single();
            if (rebuiltRows != rows) {
                throw new IllegalStateException("The rebuilt table has " + rebuiltRows + " rows, not " + rows);
            }

            String report = """
                    # Read-model rebuild benchmark

                    Machine: %d cores, %d MiB max heap for the engine JVM, %s %s; PostgreSQL on the same machine.
                    Run: `bin/benchmark rebuild --events=%d`, %s. Processors other than `%s` paused.

                    | what | figure |
                    | --- | --- |
                    | events in the store | %d (%d listings created and published, 150 vendors) |
                    | append to the event store | %.1f s (%.0f events/s) |
                    | live projection, first event to caught up | %.1f s (%.0f events/s) |
                    | rebuild into the copy, start to caught up | %.1f s (**%.0f events/s**) |
                    | switch (stop both processors, swap tables, tokens, drop old tables, ANALYZE) | %.2f s |
                    | rebuild, start to "finished" | %.1f s |
                    | rows of `listings` before and after | %d = %d |
                    """.formatted(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name"), System.getProperty("java.version"), events, Instant.now(),
                    READ_MODEL, head, (appended - 0) / 2, seconds(appending), appended / seconds(appending),
                    seconds(live), head / seconds(live), seconds(building), head / seconds(building),
                    seconds(switching), seconds(total), rows, rebuiltRows);
            System.out.println(report);
            Path results = options.results();
            Files.createDirectories(results);
            Files.writeString(results.resolve("rebuild.md"), report);
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(0.001, duration.toMillis() / 1000.0);
    }
}
