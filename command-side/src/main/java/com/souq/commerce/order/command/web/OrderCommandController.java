package com.souq.commerce.order.command.web;

import com.souq.commerce.order.api.AcceptVendorOrderCommand;
import com.souq.commerce.order.api.CancelOrderCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.MarkVendorOrderDeliveredCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.RejectVendorOrderCommand;
import com.souq.commerce.order.api.ShipVendorOrderCommand;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.shared.error.DomainRuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What customers, vendors and staff do to orders after checkout: a customer cancels an order (or one vendor's share
 * of it) before it ships; a vendor accepts, rejects, ships and delivers its own share. Every step answers 202: the
 * order's views show the outcome a moment later.
 */
@RestController
@Tag(name = "orders")
class OrderCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;

    OrderCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record Shipment(@NotBlank @Size(max = 60) String carrier,
                    @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._/-]*") String trackingReference) {
    }

    record OrderAccepted(OrderId orderId) {
    }

    record VendorOrderAccepted(VendorOrderId vendorOrderId) {
    }

    @PostMapping("/api/v1/orders/{orderId}/cancellation")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'ADMIN', 'SUPPORT')")
    @Operation(summary = "Cancel an order: at once before payment, else every vendor order not yet shipped")
    ResponseEntity<OrderAccepted> cancelOrder(@PathVariable String orderId, @Valid @RequestBody Reason reason,
                                              Authentication caller) {
        OrderId id = OrderId.of(orderId);
        Actor actor = Actor.of(caller);
        commands.sendAndWait(new CancelOrderCommand(id, actor.isStaff() ? CancellationParty.STAFF
                : CancellationParty.CUSTOMER, actor.subject(), reason.reason()), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new OrderAccepted(id));
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/acceptance")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "The vendor takes on its share of an order")
    ResponseEntity<VendorOrderAccepted> accept(@PathVariable String vendorOrderId, Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        return send(id, new AcceptVendorOrderCommand(id, Actor.of(caller).actingVendor()));
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/rejection")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "The vendor declines its share before accepting it; its items go back to stock")
    ResponseEntity<VendorOrderAccepted> reject(@PathVariable String vendorOrderId, @Valid @RequestBody Reason reason,
                                               Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        return send(id, new RejectVendorOrderCommand(id, Actor.of(caller).actingVendor(), reason.reason()));
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/shipment")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "The vendor handed its share to a carrier, with the tracking reference")
    ResponseEntity<VendorOrderAccepted> ship(@PathVariable String vendorOrderId,
                                             @Valid @RequestBody Shipment shipment, Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        return send(id, new ShipVendorOrderCommand(id, Actor.of(caller).actingVendor(), shipment.carrier(),
                shipment.trackingReference()));
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/delivery")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "The customer received the vendor's share")
    ResponseEntity<VendorOrderAccepted> deliver(@PathVariable String vendorOrderId, Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        return send(id, new MarkVendorOrderDeliveredCommand(id, Actor.of(caller).actingVendor()));
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/cancellation")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'VENDOR', 'ADMIN', 'SUPPORT')")
    @Operation(summary = "Cancel one vendor's share before it ships: its customer, its vendor or staff")
    ResponseEntity<VendorOrderAccepted> cancel(@PathVariable String vendorOrderId, @Valid @RequestBody Reason reason,
                                               Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        Actor actor = Actor.of(caller);
        CancelVendorOrderCommand command;
        if (actor.isStaff()) {
            command = new CancelVendorOrderCommand(id, CancellationParty.STAFF, actor.subject(), null,
                    reason.reason(), false);
        } else if (actor.is(Role.VENDOR)) {
            command = new CancelVendorOrderCommand(id, CancellationParty.VENDOR, actor.subject(),
                    actor.actingVendor(), reason.reason(), false);
        } else if (actor.is(Role.CUSTOMER)) {
            command = new CancelVendorOrderCommand(id, CancellationParty.CUSTOMER, actor.subject(), null,
                    reason.reason(), false);
        } else {
            throw DomainRuleViolation.forbidden("FORBIDDEN", "Only the order's customer, vendor or staff cancel it");
        }
        return send(id, command);
    }

    private ResponseEntity<VendorOrderAccepted> send(VendorOrderId id, Object command) {
        commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.accepted().body(new VendorOrderAccepted(id));
    }
}
