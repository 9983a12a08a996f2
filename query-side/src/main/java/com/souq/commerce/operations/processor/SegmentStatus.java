package com.souq.commerce.operations.processor;

/**
 * One segment of a processor on this instance: the global index of the event store it has reached, whether it has
 * caught up with the head, whether it replays, and its error while it retries one.
 */
public record SegmentStatus(int segment, long position, boolean caughtUp, boolean replaying, String error) {
}
