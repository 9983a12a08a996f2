package com.souq.commerce.operations.rebuild;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A message source whose streams are read ahead by a thread of their own: it fetches the events from the store and
 * deserializes the payloads, metadata and timestamps of those the processor will handle ({@code wanted}; others stay
 * serialized), while the processor's thread handles the events read before. A rebuild on two cores thus reads on one
 * and applies on the other. At most {@code capacity} events wait between the two, so memory stays bounded whatever
 * the size of the store.
 */
final class ReadAhead implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final Predicate<Class<?>> wanted;
    private final int capacity;
    private final String threadName;

    ReadAhead(StreamableMessageSource<TrackedEventMessage<?>> source, Predicate<Class<?>> wanted, int capacity,
              String threadName) {
        this.source = source;
        this.wanted = wanted;
        this.capacity = capacity;
        this.threadName = threadName;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(source.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    /** What the reading thread hands over when the store's stream failed: the processor's thread throws it. */
    private record Failure(RuntimeException cause) {
    }

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final BlockingQueue<Object> read = new ArrayBlockingQueue<>(capacity);
        private final Thread reader;
        private volatile boolean closed;
        private TrackedEventMessage<?> next;

        Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
            this.reader = Thread.ofPlatform().daemon().name(threadName).start(this::readAhead);
        }

        private void readAhead() {
            try {
                while (!closed) {
                    if (delegate.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = delegate.nextAvailable();
                        if (wanted.test(event.getPayloadType())) {
                            event.getPayload();
                            event.getMetaData();
                            event.getTimestamp();
                        }
                        read.put(event);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                handOver(new Failure(e));
            }
        }

        private void handOver(Failure failure) {
            try {
                read.put(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                next = take(read.poll());
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next == null) {
                next = take(read.poll(timeout, unit));
            }
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event = next != null ? next : take(read.take());
            next = null;
            return event;
        }

        private TrackedEventMessage<?> take(Object element) {
            if (element instanceof Failure failure) {
                throw failure.cause();
            }
            return (TrackedEventMessage<?>) element;
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.close();
        }
    }
}
