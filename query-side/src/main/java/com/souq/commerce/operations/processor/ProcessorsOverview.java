package com.souq.commerce.operations.processor;

import java.util.List;

/** Every event processor of this instance, and the head of the event store they all read. */
public record ProcessorsOverview(long headPosition, List<ProcessorStatus> processors) {
}
