package com.souq.commerce.operations;

import com.souq.commerce.operations.processor.ProcessorControl;
import com.souq.commerce.operations.processor.ProcessorStatus;
import com.souq.commerce.operations.processor.ProcessorsOverview;
import com.souq.commerce.operations.processor.SegmentStatus;
import com.souq.commerce.operations.rebuild.ReadModelRebuilds;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Assembles what support sees of the event processors: status, positions, lag, dead letters, rebuilds. */
@Component
public class ProcessorOverviews {

    private final EventProcessingConfiguration processing;
    private final ProcessorControl control;
    private final ReadModelRebuilds rebuilds;
    private final EventStore eventStore;
    private final JdbcClient jdbc;

    ProcessorOverviews(EventProcessingConfiguration processing, ProcessorControl control, ReadModelRebuilds rebuilds,
                       EventStore eventStore, JdbcClient jdbc) {
        this.processing = processing;
        this.control = control;
        this.rebuilds = rebuilds;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    public ProcessorsOverview all() {
        long head = head();
        Map<String, Long> deadLetters = deadLetterCounts();
        List<ProcessorStatus> processors = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(entry -> status(entry.getKey(), (StreamingEventProcessor) entry.getValue(), head, deadLetters))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
        return new ProcessorsOverview(head, processors);
    }

    public Optional<ProcessorStatus> one(String name) {
        return control.processor(name).map(processor -> status(name, processor, head(), deadLetterCounts()));
    }

    private ProcessorStatus status(String name, StreamingEventProcessor processor, long head,
                                   Map<String, Long> deadLetters) {
        Map<Integer, EventTrackerStatus> running = processor.processingStatus();
        List<SegmentStatus> segments = running.isEmpty() ? storedSegments(name, head)
                : running.values().stream()
                        .sorted(Comparator.comparingInt(segment -> segment.getSegment().getSegmentId()))
                        .map(segment -> new SegmentStatus(segment.getSegment().getSegmentId(),
                                segment.getCurrentPosition().orElse(0), segment.isCaughtUp(), segment.isReplaying(),
                                segment.isErrorState() ? String.valueOf(segment.getError()) : null))
                        .toList();
        long position = segments.stream().mapToLong(SegmentStatus::position).min().orElse(0);
        List<String> errors = segments.stream().map(SegmentStatus::error).filter(error -> error != null).toList();
        List<String> tables = rebuilds.rebuildable().getOrDefault(name, List.of());
        return new ProcessorStatus(name, kind(name, tables), state(name, processor, errors), position, head,
                Math.max(0, head - position), segments, deadLetters.getOrDefault(name, 0L), errors, tables,
                rebuilds.progress(name).orElse(null));
    }

    private String state(String name, EventProcessor processor, List<String> errors) {
        if (control.isPaused(name)) {
            return "PAUSED";
        }
        if (!processor.isRunning()) {
            return "STOPPED";
        }
        return errors.isEmpty() && !processor.isError() ? "RUNNING" : "ERROR";
    }

    private static String kind(String name, List<String> tables) {
        if (!tables.isEmpty()) {
            return "READ_MODEL";
        }
        return name.endsWith("SagaProcessor") ? "SAGA" : "OTHER";
    }

    /** Positions from the token store, for a processor that is not running on this instance. */
    private List<SegmentStatus> storedSegments(String name, long head) {
        return jdbc.sql("""
                        SELECT segment, coalesce(CAST(t ->> 'index' AS bigint),
                                                 CAST(t -> 'currentToken' ->> 'index' AS bigint), 0)
                          FROM (SELECT segment, CAST(convert_from(token, 'UTF8') AS jsonb) AS t
                                  FROM tokenentry WHERE processorname = :name) tokens
                         ORDER BY segment""")
                .param("name", name)
                .query((row, n) -> new SegmentStatus(row.getInt(1), row.getLong(2), row.getLong(2) >= head, false,
                        null))
                .list();
    }

    private Map<String, Long> deadLetterCounts() {
        return jdbc.sql("SELECT processinggroup, count(*) FROM deadletterentry GROUP BY processinggroup")
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long head() {
        var token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}
