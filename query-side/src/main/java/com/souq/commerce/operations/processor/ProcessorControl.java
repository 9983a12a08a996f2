package com.souq.commerce.operations.processor;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Pauses and resumes the event processors of this instance. A paused processor releases its segments and handles
 * nothing until resumed (other instances sharing the token store may claim them); a restart of the instance resumes
 * every processor. Whatever else stops a processor for a moment (a rebuild switching its tables) leaves a paused one
 * paused.
 */
@Component
public class ProcessorControl {

    private final EventProcessingConfiguration processing;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    ProcessorControl(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    public boolean isPaused(String name) {
        return paused.contains(name);
    }

    /** Pauses the processor, waiting for the batch in progress to finish. */
    public Optional<StreamingEventProcessor> pause(String name) {
        return processor(name).map(processor -> {
            paused.add(name);
            processor.shutDown();
            return processor;
        });
    }

    public Optional<StreamingEventProcessor> resume(String name) {
        return processor(name).map(processor -> {
            paused.remove(name);
            processor.start();
            return processor;
        });
    }
}
