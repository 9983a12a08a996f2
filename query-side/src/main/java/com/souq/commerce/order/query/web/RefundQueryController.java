package com.souq.commerce.order.query.web;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.query.api.FindOrderQuery;
import com.souq.commerce.order.query.api.FindOrderRefundsQuery;
import com.souq.commerce.order.query.api.FindRefundQuery;
import com.souq.commerce.order.query.api.FindVendorRefundsQuery;
import com.souq.commerce.order.query.api.OrderView;
import com.souq.commerce.order.query.api.RefundView;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds as read: one refund (its customer, its vendor's staff and staff; 404 to anyone else), an order's refunds
 * (its customer and staff), and a vendor's refunds to decide or decided (its staff, ADMIN, SUPPORT).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "refunds")
class RefundQueryController {

    /** The statuses a refund row takes. */
    enum RefundStatus { REQUESTED, REJECTED, APPROVED, REFUNDING, REFUNDED }

    private final QueryGateway queries;

    RefundQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/refunds/{refundId}")
    @Operation(summary = "One refund and where its money stands (its customer, its vendor's staff and staff)")
    RefundView refund(@PathVariable String refundId, Authentication caller) {
        return queries.query(new FindRefundQuery(RefundId.of(refundId)),
                        ResponseTypes.optionalInstanceOf(RefundView.class)).join()
                .filter(view -> mayRead(caller, view))
                .orElseThrow(() -> new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                        "No refund with id " + refundId));
    }

    @GetMapping("/orders/{orderId}/refunds")
    @Operation(summary = "An order's refunds, newest first (its customer and staff)")
    List<RefundView> orderRefunds(@PathVariable String orderId, Authentication caller) {
        OrderId order = OrderId.of(orderId);
        Actor actor = Actor.of(caller);
        if (!actor.isStaff()) {
            OrderView view = queries.query(new FindOrderQuery(order), ResponseTypes.optionalInstanceOf(OrderView.class))
                    .join()
                    .orElseThrow(() -> new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                            "No order with id " + orderId));
            if (!view.customerSubject().equals(caller.getName())) {
                throw DomainRuleViolation.forbidden("NOT_YOUR_ORDER", "Order " + orderId + " is another customer's");
            }
        }
        return queries.query(new FindOrderRefundsQuery(order), ResponseTypes.multipleInstancesOf(RefundView.class))
                .join();
    }

    @GetMapping("/vendors/{vendorId}/refunds")
    @Operation(summary = "A vendor's refunds, newest first, optionally in one status (its staff, ADMIN, SUPPORT)")
    @SuppressWarnings("unchecked")
    PageResult<RefundView> vendorRefunds(@PathVariable String vendorId,
                                         @RequestParam(required = false) RefundStatus status,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                         Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor actor = Actor.of(caller);
        if (!actor.is(Role.SUPPORT)) {
            actor.requireActsFor(vendor.value());
        }
        return queries.query(new FindVendorRefundsQuery(vendor, status == null ? null : status.name(), page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
    }

    private static boolean mayRead(Authentication caller, RefundView refund) {
        Actor actor = Actor.of(caller);
        return actor.isStaff() || actor.actsFor(refund.vendorId()) || refund.customerSubject().equals(caller.getName());
    }
}
