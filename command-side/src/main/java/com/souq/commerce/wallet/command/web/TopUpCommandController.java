package com.souq.commerce.wallet.command.web;

import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.web.idempotency.IdempotentCommands;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.RequestTopUpCommand;
import com.souq.commerce.wallet.api.TopUpId;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer pays money into their own wallet through a payment provider. The answer comes before the provider's:
 * once it captured, the deposit shows in the wallet's statement ({@code GET /api/v1/wallets/me}); a declined top-up
 * deposits nothing.
 */
@RestController
@Tag(name = "wallets")
class TopUpCommandController {

    private static final long TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final IdempotentCommands idempotency;

    TopUpCommandController(CommandGateway commands, IdempotentCommands idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    record Amount(@NotNull @Positive Long minorUnits, @NotNull Currency currency) {

        Money toMoney() {
            return new Money(minorUnits, currency);
        }
    }

    record Payment(@NotNull PaymentProvider provider, @NotBlank @Size(max = 255) String method) {
    }

    record TopUpRequest(@NotNull @Valid Amount amount, @NotNull @Valid Payment payment) {
    }

    record TopUpAccepted(TopUpId topUpId, WalletId walletId) {
    }

    @PostMapping("/api/v1/wallets/me/top-ups")
    @PreAuthorize("hasRole('CUSTOMER')")
    @Operation(summary = "Pay money into the caller's wallet through a payment provider (Idempotency-Key required); "
            + "422 TOP_UP_METHOD_NOT_AVAILABLE for a method that does not charge at once")
    ResponseEntity<?> topUp(@RequestHeader(IdempotentCommands.HEADER) String idempotencyKey,
                            @Valid @RequestBody TopUpRequest request, Authentication caller) {
        WalletOwner owner = WalletOwner.customer(Actor.of(caller).subject());
        return idempotency.execute(idempotencyKey, request, () -> {
            TopUpId topUpId = TopUpId.random();
            RequestTopUpCommand command = RequestTopUpCommand.of(owner, topUpId, request.amount().toMoney(),
                    new PaymentInstruction(request.payment().provider(), request.payment().method()),
                    owner.id());
            commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new TopUpAccepted(topUpId, command.walletId()));
        });
    }
}
