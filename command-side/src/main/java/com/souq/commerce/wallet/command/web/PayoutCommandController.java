package com.souq.commerce.wallet.command.web;

import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.idempotency.IdempotentCommands;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.RequestPayoutCommand;
import com.souq.commerce.wallet.api.WalletOwner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Currency;
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
 * A vendor takes money out of its wallet to its bank: its own staff or an administrator ask; the amount is held at
 * once and the payout's progress shows at {@code GET /api/v1/payouts/{id}} (paid: the wallet's balance drops; failed:
 * the money is available again).
 */
@RestController
@Tag(name = "payouts")
class PayoutCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final IdempotentCommands idempotency;

    PayoutCommandController(CommandGateway commands, IdempotentCommands idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    record Amount(@NotNull @Positive Long minorUnits, @NotNull Currency currency) {

        Money toMoney() {
            return new Money(minorUnits, currency);
        }
    }

    /** {@code method}: the payout provider's instruction; for the sandbox sandbox-succeed, sandbox-fail, sandbox-refuse. */
    record PayoutRequest(@NotNull @Valid Amount amount,
                         @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String method) {
    }

    record PayoutAccepted(PayoutId payoutId, VendorId vendorId) {
    }

    @PostMapping("/api/v1/vendors/{vendorId}/payouts")
    @PreAuthorize("hasAnyRole('VENDOR', 'ADMIN')")
    @Operation(summary = "Pay money out of the vendor's wallet to its bank (Idempotency-Key required); "
            + "409 INSUFFICIENT_FUNDS beyond the available balance")
    ResponseEntity<?> request(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                              @PathVariable String vendorId, @Valid @RequestBody PayoutRequest request,
                              Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor actor = Actor.of(caller);
        actor.requireActsFor(vendor.value());
        return idempotency.execute(idempotencyKey, request, () -> {
            PayoutId payoutId = PayoutId.random();
            commands.sendAndWait(RequestPayoutCommand.of(WalletOwner.vendor(vendor), payoutId,
                    request.amount().toMoney(), request.method(), actor.subject()), TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.created(URI.create("/api/v1/payouts/" + payoutId))
                    .body(new PayoutAccepted(payoutId, vendor));
        });
    }
}
