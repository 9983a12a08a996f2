package com.souq.commerce.order.query;

import com.souq.commerce.order.query.api.FindCustomerOrdersQuery;
import com.souq.commerce.order.query.api.FindOrderQuery;
import com.souq.commerce.order.query.api.FindVendorOrderQuery;
import com.souq.commerce.order.query.api.FindVendorOrdersQuery;
import com.souq.commerce.order.query.api.OrderView;
import com.souq.commerce.order.query.api.VendorOrderView;
import com.souq.commerce.platform.web.PageResult;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers order and vendor-order queries from the order read models. */
@Component
class OrderQueryHandler {

    private final OrderReads reads;

    OrderQueryHandler(OrderReads reads) {
        this.reads = reads;
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return reads.order(query.orderId());
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindCustomerOrdersQuery query) {
        return reads.customerOrders(query.customerSubject(), query.page(), query.size());
    }

    @QueryHandler
    Optional<VendorOrderView> handle(FindVendorOrderQuery query) {
        return reads.vendorOrder(query.vendorOrderId());
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindVendorOrdersQuery query) {
        return reads.vendorOrders(query.vendorId(), query.status(), query.page(), query.size());
    }
}
