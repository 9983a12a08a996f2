package com.souq.commerce.order.query.web;

import com.souq.commerce.order.query.api.OrderView;
import java.io.IOException;
import java.time.Duration;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * One client following one order: the current view, then every update the subscription query receives, each as an
 * event named {@code order}, with a comment line in between to keep proxies from closing an idle stream and to notice
 * a client that left. Updates are written on Reactor's elastic threads, never on the projector's thread that emitted
 * them, so a slow client cannot hold up a read model. Whatever ends the stream (the client leaving, a failed write, the timeout) unsubscribes from
 * the subscription query, which removes it from Axon's emitter, so no update is computed for nobody. Unsubscribing
 * rather than cancelling the query result leaves its buffer open: a projector emitting at that very moment on another
 * thread then writes into a buffer nobody reads, instead of failing on a completed one.
 */
final class OrderUpdateStream {

    static final String EVENT_NAME = "order";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    private final SubscriptionQueryResult<?, OrderView> subscription;
    private final Disposable.Swap updates = Disposables.swap();

    private OrderUpdateStream(SubscriptionQueryResult<?, OrderView> subscription) {
        this.subscription = subscription;
    }

    static SseEmitter open(OrderView current, SubscriptionQueryResult<?, OrderView> subscription) {
        OrderUpdateStream stream = new OrderUpdateStream(subscription);
        stream.start(current);
        return stream.emitter;
    }

    private void start(OrderView current) {
        emitter.onCompletion(this::close);
        emitter.onError(error -> close());
        emitter.onTimeout(() -> {
            close();
            emitter.complete();
        });
        send(event(current));
        updates.update(Flux.merge(
                        subscription.updates().map(OrderUpdateStream::event),
                        Flux.interval(HEARTBEAT).map(tick -> SseEmitter.event().comment("keep-alive")))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(this::send, this::fail, emitter::complete));
    }

    private void send(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException clientGone) {
            fail(clientGone);
        }
    }

    private void fail(Throwable cause) {
        close();
        try {
            emitter.completeWithError(cause);
        } catch (IllegalStateException alreadyCompleted) {
            // the stream ended already; nothing is left to tell the client
        }
    }

    private void close() {
        if (updates.get() == null) {
            subscription.cancel();
        }
        updates.dispose();
    }

    private static SseEmitter.SseEventBuilder event(OrderView view) {
        return SseEmitter.event().name(EVENT_NAME).data(view, MediaType.APPLICATION_JSON);
    }
}
