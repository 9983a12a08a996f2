package com.souq.commerce.operations.web;

import com.souq.commerce.operations.ProcessorOverviews;
import com.souq.commerce.operations.deadletter.DeadLetterView;
import com.souq.commerce.operations.deadletter.DeadLetters;
import com.souq.commerce.operations.deadletter.RetryOutcome;
import com.souq.commerce.operations.processor.ProcessorControl;
import com.souq.commerce.operations.processor.ProcessorStatus;
import com.souq.commerce.operations.processor.ProcessorsOverview;
import com.souq.commerce.operations.rebuild.ReadModelRebuilds;
import com.souq.commerce.operations.rebuild.ReadModelRebuilds.NotRebuildable;
import com.souq.commerce.operations.rebuild.ReadModelRebuilds.RebuildRunning;
import com.souq.commerce.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support's view of the event processors: status, positions, lag, errors; pause and resume; blue-green rebuilds of
 * the PostgreSQL read models; dead letters listed, retried and evicted.
 */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasAnyRole('SUPPORT', 'ADMIN')")
@Tag(name = "processor administration")
class ProcessorAdminController {

    private static final Pattern LETTER_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final ProcessorOverviews overviews;
    private final ProcessorControl control;
    private final ReadModelRebuilds rebuilds;
    private final DeadLetters deadLetters;

    ProcessorAdminController(ProcessorOverviews overviews, ProcessorControl control, ReadModelRebuilds rebuilds,
                             DeadLetters deadLetters) {
        this.overviews = overviews;
        this.control = control;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/processors")
    @Operation(summary = "Every event processor: status, per-segment position, head of the store, lag, errors, "
            + "dead letters and the latest rebuild")
    ProcessorsOverview processors() {
        return overviews.all();
    }

    @GetMapping("/processors/{name}")
    @Operation(summary = "One event processor")
    ResponseEntity<?> processor(@PathVariable String name) {
        return overviews.one(name).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> noProcessor(name));
    }

    @PostMapping("/processors/{name}/pause")
    @Operation(summary = "Pause a processor (it releases its segments); a restart of the instance resumes it")
    ResponseEntity<?> pause(@PathVariable String name) {
        return control.pause(name).<ResponseEntity<?>>map(processor -> ResponseEntity.ok(status(name)))
                .orElseGet(() -> noProcessor(name));
    }

    @PostMapping("/processors/{name}/resume")
    @Operation(summary = "Resume a paused processor")
    ResponseEntity<?> resume(@PathVariable String name) {
        return control.resume(name).<ResponseEntity<?>>map(processor -> ResponseEntity.ok(status(name)))
                .orElseGet(() -> noProcessor(name));
    }

    @PostMapping("/processors/{name}/rebuild")
    @Operation(summary = "Rebuild a PostgreSQL read model blue-green: a copy of its tables fills from the event "
            + "store while queries read the current ones, and is switched in once caught up")
    ResponseEntity<?> rebuild(@PathVariable String name) {
        if (control.processor(name).isEmpty()) {
            return noProcessor(name);
        }
        try {
            return ResponseEntity.accepted().body(rebuilds.start(name));
        } catch (NotRebuildable e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_REBUILDABLE", e.getMessage());
        } catch (RebuildRunning e) {
            return problem(HttpStatus.CONFLICT, "REBUILD_RUNNING", e.getMessage() + ": watch its progress");
        }
    }

    @GetMapping("/processors/{name}/rebuild")
    @Operation(summary = "Progress of the latest rebuild: events done and total, rate, ETA, and when it finished")
    ResponseEntity<?> rebuildProgress(@PathVariable String name) {
        return rebuilds.progress(name).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "No rebuild of " + name + " since this instance started"));
    }

    @DeleteMapping("/processors/{name}/rebuild")
    @Operation(summary = "Cancel a rebuild under way: its copy is dropped, the current tables stay")
    ResponseEntity<?> cancelRebuild(@PathVariable String name) {
        return rebuilds.cancel(name).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No rebuild of " + name
                        + " under way"));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Parked events of every processor (or of one: processor=), oldest first")
    List<DeadLetterView> deadLetters(@RequestParam(required = false) String processor,
                                     @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return deadLetters.list(processor, limit);
    }

    @PostMapping("/processors/{name}/dead-letters/{letterId}/retry")
    @Operation(summary = "Retry the sequence a dead letter heads: its events are handled again, in order")
    ResponseEntity<?> retry(@PathVariable String name, @PathVariable String letterId) {
        return letter(name, letterId).<ResponseEntity<?>>map(letter -> {
            if (!letter.first()) {
                return problem(HttpStatus.CONFLICT, "NOT_FIRST_IN_SEQUENCE", "An earlier event of sequence "
                        + letter.sequence() + " is parked: retry that one, the rest follow in order");
            }
            RetryOutcome outcome = deadLetters.retry(letter);
            return ResponseEntity.ok(outcome);
        }).orElseGet(() -> noLetter(name, letterId));
    }

    @DeleteMapping("/processors/{name}/dead-letters/{letterId}")
    @Operation(summary = "Evict a dead letter: its event is dropped for this processor for good")
    ResponseEntity<?> evict(@PathVariable String name, @PathVariable String letterId) {
        return letter(name, letterId).filter(deadLetters::evict)
                .<ResponseEntity<?>>map(letter -> ResponseEntity.noContent().build())
                .orElseGet(() -> noLetter(name, letterId));
    }

    private java.util.Optional<DeadLetterView> letter(String name, String letterId) {
        if (!LETTER_ID.matcher(letterId).matches() || control.processor(name).isEmpty()) {
            return java.util.Optional.empty();
        }
        return deadLetters.find(name, letterId);
    }

    private ProcessorStatus status(String name) {
        return overviews.one(name).orElseThrow();
    }

    private static ResponseEntity<ProblemDetail> noProcessor(String name) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No event processor named " + abbreviated(name));
    }

    private static ResponseEntity<ProblemDetail> noLetter(String name, String letterId) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No dead letter " + abbreviated(letterId) + " of "
                + abbreviated(name));
    }

    private static String abbreviated(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }
}
