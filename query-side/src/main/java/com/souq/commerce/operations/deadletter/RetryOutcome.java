package com.souq.commerce.operations.deadletter;

/**
 * What retrying a dead letter's sequence did: {@code succeeded} when every letter of the sequence was handled and left
 * the queue; otherwise the first that failed again stays parked (with its new cause) with those behind it.
 */
public record RetryOutcome(String letterId, String processor, boolean succeeded, long stillParkedInSequence) {
}
