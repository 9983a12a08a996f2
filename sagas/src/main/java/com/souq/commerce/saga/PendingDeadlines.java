package com.souq.commerce.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.deadline.DeadlineManager;

/**
 * The deadlines a saga scheduled and may still cancel: the ids the deadline manager gave them, by deadline name.
 *
 * <p>Cancelling by id deletes one row of the scheduler's table. Axon's {@code cancelAllWithinScope} instead reads and
 * deserializes every scheduled deadline of every saga to find this saga's: with 500 checkouts open it took 6 % of the
 * engine's CPU in the checkout benchmark (JFR), and it grows with the number of open deadlines.
 *
 * <p>A saga stored before it kept these ids has none: {@link #unknown()} stands in for them and cancels by that scan.
 * A deadline that fired meanwhile is cancelled harmlessly (the manager finds no such schedule).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class PendingDeadlines {

    private Map<String, List<String>> ids = new LinkedHashMap<>();
    /** Whether every deadline the saga may still have pending is in {@link #ids}. */
    private boolean complete;

    private PendingDeadlines() {
    }

    /** A saga that has scheduled nothing yet. */
    public static PendingDeadlines none() {
        PendingDeadlines pending = new PendingDeadlines();
        pending.complete = true;
        return pending;
    }

    /** A saga stored before its deadlines' ids were kept: it may have pending deadlines of any name. */
    public static PendingDeadlines unknown() {
        return new PendingDeadlines();
    }

    public void schedule(DeadlineManager deadlines, Duration after, String name, Object payload) {
        ids.computeIfAbsent(name, any -> new ArrayList<>()).add(deadlines.schedule(after, name, payload));
    }

    /** Cancels every deadline of that name the saga scheduled, as {@code cancelAllWithinScope} would. */
    public void cancel(DeadlineManager deadlines, String name) {
        List<String> scheduled = ids.remove(name);
        if (!complete) {
            deadlines.cancelAllWithinScope(name);
        } else if (scheduled != null) {
            scheduled.forEach(id -> deadlines.cancelSchedule(name, id));
        }
    }
}
