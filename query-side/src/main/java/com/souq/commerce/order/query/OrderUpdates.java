package com.souq.commerce.order.query;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.query.api.FindOrderQuery;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes an order's current view to the subscription queries that follow it ({@link FindOrderQuery}) after a
 * projector changed something the view shows. The view joins read models kept by several processing groups, each in
 * its own transaction, so it is read once the projector's batch committed, never inside it: whichever group commits
 * last then reads every group's change, and a client always ends up with the whole picture. An order changed several
 * times in one batch is read and pushed once. Nobody following the order (a replay, most orders) costs nothing.
 * Live updates are a courtesy: failing to push one is logged, never fails the projection.
 */
@Component
class OrderUpdates {

    private static final Logger log = LoggerFactory.getLogger(OrderUpdates.class);
    private static final String CHANGED_ORDERS = OrderUpdates.class.getName() + ".changed";

    private final QueryUpdateEmitter emitter;
    private final OrderReads reads;

    OrderUpdates(QueryUpdateEmitter emitter, OrderReads reads) {
        this.emitter = emitter;
        this.reads = reads;
    }

    void changed(OrderId orderId) {
        if (!followed(orderId)) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            push(orderId);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.<Set<OrderId>>getOrComputeResource(CHANGED_ORDERS, key -> {
            Set<OrderId> orders = new LinkedHashSet<>();
            unitOfWork.afterCommit(committed -> orders.forEach(this::push));
            return orders;
        }).add(orderId);
    }

    private void push(OrderId orderId) {
        try {
            reads.order(orderId).ifPresent(view -> emitter.emit(FindOrderQuery.class,
                    query -> query.orderId().equals(orderId), view));
        } catch (RuntimeException e) {
            log.warn("Could not push the view of order {} to its live subscribers", orderId, e);
        }
    }

    private boolean followed(OrderId orderId) {
        return emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof FindOrderQuery query
                        && query.orderId().equals(orderId));
    }
}
