package com.souq.commerce.order.query.web;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.query.api.FindCustomerOrdersQuery;
import com.souq.commerce.order.query.api.FindOrderQuery;
import com.souq.commerce.order.query.api.OrderSummary;
import com.souq.commerce.order.query.api.OrderView;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.error.DomainRuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Orders as their customers and staff read them: the signed-in customer's history, one order in full, and its live
 * updates as server-sent events. To anyone else an order does not exist (404), so its id reveals nothing. A read
 * answers the order's version as its {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "orders")
class OrderQueryController {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(10);

    private final QueryGateway queries;

    OrderQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The signed-in customer's orders, newest first, with the status of each vendor's share; "
            + "staff name the customer")
    @SuppressWarnings("unchecked")
    PageResult<OrderSummary> orders(@RequestParam(required = false) @Size(min = 1, max = 255) String customer,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                    Authentication caller) {
        if (customer != null && !customer.equals(caller.getName()) && !Actor.of(caller).isStaff()) {
            throw DomainRuleViolation.forbidden("FORBIDDEN", "Only staff list another customer's orders");
        }
        String subject = customer == null ? caller.getName() : customer;
        return queries.query(new FindCustomerOrdersQuery(subject, page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order with its lines, totals, vendor orders, payment status and timeline "
            + "(its customer and staff)")
    ResponseEntity<OrderView> order(@PathVariable String orderId, Authentication caller) {
        OrderView order = queries.query(new FindOrderQuery(OrderId.of(orderId)),
                        ResponseTypes.optionalInstanceOf(OrderView.class)).join()
                .filter(view -> mayRead(caller, view))
                .orElseThrow(() -> notFound(orderId));
        return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(order.version())).body(order);
    }

    @GetMapping("/{orderId}/updates")
    @Operation(summary = "The order now and after every change, as server-sent events named \"order\" "
            + "(its customer and staff)")
    SseEmitter updates(@PathVariable String orderId, Authentication caller) {
        SubscriptionQueryResult<Optional<OrderView>, OrderView> subscription = queries.subscriptionQuery(
                new FindOrderQuery(OrderId.of(orderId)), ResponseTypes.optionalInstanceOf(OrderView.class),
                ResponseTypes.instanceOf(OrderView.class));
        Optional<OrderView> current;
        try {
            current = subscription.initialResult().blockOptional(INITIAL_RESULT_TIMEOUT).flatMap(view -> view)
                    .filter(view -> mayRead(caller, view));
        } catch (RuntimeException e) {
            subscription.cancel();
            throw e;
        }
        if (current.isEmpty()) {
            subscription.cancel();
            throw notFound(orderId);
        }
        return OrderUpdateStream.open(current.get(), subscription);
    }

    private static boolean mayRead(Authentication caller, OrderView order) {
        return order.customerSubject().equals(caller.getName()) || Actor.of(caller).isStaff();
    }

    private static DomainRuleViolation notFound(String orderId) {
        return new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND", "No order with id " + orderId);
    }
}
