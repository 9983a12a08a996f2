package com.souq.commerce.order.command.web;

import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.ApproveRefundCommand;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.RejectRefundCommand;
import com.souq.commerce.order.api.RequestRefundCommand;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.idempotency.IdempotentCommands;
import com.souq.commerce.shared.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds of a vendor order: its customer (or support or an administrator for them) asks for items or an amount
 * back; its vendor's staff or an administrator approve or decline. Every step takes an {@code Idempotency-Key}; the
 * refund's progress shows at {@code GET /api/v1/refunds/{id}} a moment later.
 */
@RestController
@Tag(name = "refunds")
class RefundCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final IdempotentCommands idempotency;

    RefundCommandController(CommandGateway commands, IdempotentCommands idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    record Amount(@NotNull @Positive Long minorUnits, @NotNull Currency currency) {

        Money toMoney() {
            return new Money(minorUnits, currency);
        }
    }

    record Line(@NotNull ListingId listingId, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {

        RefundLine toRefundLine() {
            return new RefundLine(listingId, quantity);
        }
    }

    /** Either lines or an amount; neither asks for all that is left of the vendor order. */
    record RefundRequest(@Size(max = 100) List<@NotNull @Valid Line> lines, @Valid Amount amount,
                         RefundDestination destination, Boolean restock, @NotBlank @Size(max = 500) String reason) {
    }

    record Decision(@NotBlank @Size(max = 500) String reason) {
    }

    record RefundAccepted(RefundId refundId, VendorOrderId vendorOrderId) {
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/refunds")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'ADMIN', 'SUPPORT')")
    @Operation(summary = "Ask for items or an amount of a vendor order back (Idempotency-Key required); "
            + "to the original payment (default) or the customer's wallet")
    ResponseEntity<?> request(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                              @PathVariable String vendorOrderId, @Valid @RequestBody RefundRequest request,
                              Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        Actor actor = Actor.of(caller);
        return idempotency.execute(idempotencyKey, request, () -> {
            RefundId refundId = RefundId.random();
            commands.sendAndWait(new RequestRefundCommand(id, refundId, actor.isStaff() ? null : actor.subject(),
                    request.lines() == null ? List.of() : request.lines().stream().map(Line::toRefundLine).toList(),
                    request.amount() == null ? null : request.amount().toMoney(),
                    request.destination() == null ? RefundDestination.ORIGINAL_PAYMENT : request.destination(),
                    Boolean.TRUE.equals(request.restock()), request.reason()), TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.created(URI.create("/api/v1/refunds/" + refundId))
                    .body(new RefundAccepted(refundId, id));
        });
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/refunds/{refundId}/approval")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "The vendor's staff or an administrator grant a refund (Idempotency-Key required); "
            + "409 REFUND_EXCEEDS_CAPTURED when the vendor order's refunds would exceed what was captured")
    ResponseEntity<?> approve(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                              @PathVariable String vendorOrderId, @PathVariable String refundId,
                              Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        RefundId refund = RefundId.of(refundId);
        Actor actor = Actor.of(caller);
        return idempotency.execute(idempotencyKey, null, () -> {
            commands.sendAndWait(new ApproveRefundCommand(id, refund, actor.actingVendor(), actor.subject()),
                    TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.accepted().body(new RefundAccepted(refund, id));
        });
    }

    @PostMapping("/api/v1/vendor-orders/{vendorOrderId}/refunds/{refundId}/rejection")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "The vendor's staff or an administrator decline a refund (Idempotency-Key required)")
    ResponseEntity<?> reject(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                             @PathVariable String vendorOrderId, @PathVariable String refundId,
                             @Valid @RequestBody Decision decision, Authentication caller) {
        VendorOrderId id = VendorOrderId.of(vendorOrderId);
        RefundId refund = RefundId.of(refundId);
        Actor actor = Actor.of(caller);
        return idempotency.execute(idempotencyKey, decision, () -> {
            commands.sendAndWait(new RejectRefundCommand(id, refund, actor.actingVendor(), actor.subject(),
                    decision.reason()), TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.accepted().body(new RefundAccepted(refund, id));
        });
    }
}
