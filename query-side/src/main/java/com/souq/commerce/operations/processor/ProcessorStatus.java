package com.souq.commerce.operations.processor;

import com.souq.commerce.operations.rebuild.RebuildProgress;
import java.util.List;

/**
 * An event processor as support sees it.
 *
 * @param name         the processor (= processing group) name
 * @param kind         {@code READ_MODEL} (a PostgreSQL projection that can be rebuilt), {@code SAGA} or {@code OTHER}
 *                     (the search index: rebuilt through its own endpoint)
 * @param status       {@code RUNNING}, {@code PAUSED}, {@code ERROR} (a segment retries a failing batch) or
 *                     {@code STOPPED}
 * @param position     lowest global index its segments have reached (from the token store while it is not running)
 * @param headPosition global index of the newest event in the store
 * @param lag          events of the store it has not handled yet: head - position
 * @param deadLetters  events parked in its dead-letter queue
 * @param errors       the errors its segments retry
 * @param tables       the tables a rebuild replaces (empty unless {@code READ_MODEL})
 * @param rebuild      the latest rebuild since this instance started, or null
 */
public record ProcessorStatus(
        String name,
        String kind,
        String status,
        long position,
        long headPosition,
        long lag,
        List<SegmentStatus> segments,
        long deadLetters,
        List<String> errors,
        List<String> tables,
        RebuildProgress rebuild) {
}
