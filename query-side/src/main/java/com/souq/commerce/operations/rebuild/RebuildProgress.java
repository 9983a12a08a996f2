package com.souq.commerce.operations.rebuild;

import java.time.Instant;

/**
 * Where a blue-green rebuild of one read model stands.
 *
 * @param processor       the processing group rebuilt
 * @param state           {@code BUILDING} (the copy fills while queries read the current tables), {@code SWAPPING}
 *                        (caught up: the copy is being switched in), {@code COMPLETED} (queries read the rebuilt
 *                        tables: the "rebuild finished" moment is {@code finishedAt}), {@code FAILED} (the current
 *                        tables stay; {@code failure} says why) or {@code CANCELLED}
 * @param copySchema      the schema the copy is built in
 * @param tables          the tables rebuilt
 * @param position        the global index of the event store the rebuild has reached
 * @param headPosition    the head of the event store now (while building) or when the copy was switched in
 * @param eventsDone      events of the store the rebuild has gone through
 * @param eventsTotal     events of the store it has to go through
 * @param percent         eventsDone / eventsTotal, 0-100; 100 once completed
 * @param eventsPerSecond events gone through per second since the start
 * @param etaSeconds      seconds until caught up at that rate (0 once caught up)
 * @param deadLetters     events parked by the rebuild so far (they stay parked after the swap)
 */
public record RebuildProgress(
        String processor,
        String state,
        String copySchema,
        java.util.List<String> tables,
        long position,
        long headPosition,
        long eventsDone,
        long eventsTotal,
        double percent,
        double eventsPerSecond,
        long etaSeconds,
        long deadLetters,
        Instant startedAt,
        Instant caughtUpAt,
        Instant finishedAt,
        String failure) {
}
