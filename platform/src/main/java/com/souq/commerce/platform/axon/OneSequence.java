package com.souq.commerce.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * A sequencing policy that puts every event of a processing group in one sequence, named after the group, so that
 * one segment handles them all in the order of the store.
 *
 * <p>Axon's own {@code SequentialPolicy} answers a private {@code new Object()} as the sequence: its identity hash,
 * and with it the segment that handles the events, differs from one JVM to the next. On two instances sharing a
 * processor's segments, each instance then takes its own segment for the sequence, and events are handled twice or
 * not at all (found by {@code bin/reliability two-instances}: a ledger that stayed empty). A name's hash is the same
 * in every JVM.
 */
public final class OneSequence {

    private OneSequence() {
    }

    /** Every event in the sequence called {@code name}. */
    public static SequencingPolicy<EventMessage<?>> named(String name) {
        return event -> name;
    }
}
