package com.souq.commerce.saga;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import org.axonframework.deadline.DeadlineManager;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A saga's deadlines are cancelled by their ids, also after the saga was stored and read again. */
class PendingDeadlinesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeadlineManager deadlines = mock(DeadlineManager.class);

    @Test
    void everyDeadlineOfTheNameIsCancelledByTheIdItWasScheduledUnder() {
        when(deadlines.schedule(any(Duration.class), eq("retry"), any())).thenReturn("id-1", "id-2");
        Stored saga = new Stored();
        saga.pending = PendingDeadlines.none();

        saga.pending.schedule(deadlines, Duration.ofSeconds(30), "retry", "attempt 2");
        saga.pending.schedule(deadlines, Duration.ofMinutes(1), "retry", "attempt 3");
        Stored reread = JSON.readValue(JSON.writeValueAsString(saga), Stored.class);
        reread.pending.cancel(deadlines, "retry");
        reread.pending.cancel(deadlines, "retry");
        reread.pending.cancel(deadlines, "poll");

        verify(deadlines).cancelSchedule("retry", "id-1");
        verify(deadlines).cancelSchedule("retry", "id-2");
        verify(deadlines, times(2)).cancelSchedule(eq("retry"), anyString());
        verify(deadlines, never()).cancelSchedule(eq("poll"), anyString());
        verify(deadlines, never()).cancelAllWithinScope(anyString());
    }

    @Test
    void aSagaStoredBeforeTheIdsWereKeptCancelsByName() {
        Stored old = JSON.readValue("{}", Stored.class);

        old.pending.cancel(deadlines, "retry");

        verify(deadlines).cancelAllWithinScope("retry");
    }

    /** A saga's stored form, as the sagas declare the field. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Stored {
        PendingDeadlines pending = PendingDeadlines.unknown();
    }
}
