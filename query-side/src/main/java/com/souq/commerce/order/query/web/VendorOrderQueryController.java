package com.souq.commerce.order.query.web;

import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.api.VendorOrderStatus;
import com.souq.commerce.order.query.api.FindVendorOrderQuery;
import com.souq.commerce.order.query.api.FindVendorOrdersQuery;
import com.souq.commerce.order.query.api.VendorOrderView;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor dashboard: a vendor's incoming shares of paid orders, for that vendor's staff, administrators and
 * support (403 to anyone else); one share for its vendor, the order's customer and staff (404 to anyone else, so its
 * id reveals nothing). A read answers the vendor order's version as its {@code ETag}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "vendor orders")
class VendorOrderQueryController {

    private final QueryGateway queries;

    VendorOrderQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/vendors/{vendorId}/orders")
    @Operation(summary = "A vendor's vendor orders, newest first, optionally in one status "
            + "(its staff, ADMIN, SUPPORT)")
    @SuppressWarnings("unchecked")
    PageResult<VendorOrderView> vendorOrders(@PathVariable String vendorId,
                                             @RequestParam(required = false) VendorOrderStatus status,
                                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                             Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor actor = Actor.of(caller);
        if (!actor.is(Role.SUPPORT)) {
            actor.requireActsFor(vendor.value());
        }
        return queries.query(new FindVendorOrdersQuery(vendor, status, page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
    }

    @GetMapping("/vendor-orders/{vendorOrderId}")
    @Operation(summary = "One vendor order with its lines (its vendor, the order's customer and staff)")
    ResponseEntity<VendorOrderView> vendorOrder(@PathVariable String vendorOrderId, Authentication caller) {
        VendorOrderView vendorOrder = queries.query(new FindVendorOrderQuery(VendorOrderId.of(vendorOrderId)),
                        ResponseTypes.optionalInstanceOf(VendorOrderView.class)).join()
                .filter(view -> mayRead(caller, view))
                .orElseThrow(() -> new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                        "No vendor order with id " + vendorOrderId));
        return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(vendorOrder.version())).body(vendorOrder);
    }

    private static boolean mayRead(Authentication caller, VendorOrderView vendorOrder) {
        Actor actor = Actor.of(caller);
        return actor.isStaff() || actor.actsFor(vendorOrder.vendorId())
                || vendorOrder.customerSubject().equals(caller.getName());
    }
}
