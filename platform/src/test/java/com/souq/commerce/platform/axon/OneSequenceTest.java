package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

class OneSequenceTest {

    @Test
    void everyEventFallsInTheSameSegmentInEveryProcess() {
        var policy = OneSequence.named("ledger");
        Object first = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage("one"));
        Object second = policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(42));

        assertThat(first).isEqualTo(second).isEqualTo("ledger");
        // a String's hash is fixed by the language, so every instance picks the same one of two segments
        Segment[] halves = Segment.computeSegments(0, 1);
        assertThat(Arrays.stream(halves).filter(segment -> segment.matches(first)).map(Segment::getSegmentId))
                .containsExactly("ledger".hashCode() & 1);
    }
}
