package com.souq.commerce.wallet.query.web;

import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.query.api.FindWalletStatementQuery;
import com.souq.commerce.wallet.query.api.WalletStatement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own wallet: a vendor's staff (a {@code VENDOR} token with a {@code vendorId} claim) read their
 * vendor's wallet, a customer their own. Balance, available balance, and the statement with running balances.
 */
@RestController
@RequestMapping("/api/v1/wallets")
@Tag(name = "wallets")
class WalletQueryController {

    private final QueryGateway queries;

    WalletQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/me")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'VENDOR')")
    @Operation(summary = "The caller's wallet in one currency: balance, available, and its statement, newest first")
    ResponseEntity<?> mine(@RequestParam @Pattern(regexp = "[A-Z]{3}") String currency,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                           Authentication caller) {
        Actor actor = Actor.of(caller);
        WalletOwner owner;
        if (actor.is(Role.VENDOR) && actor.vendorId().isPresent()) {
            owner = WalletOwner.vendor(VendorId.of(actor.vendorId().get()));
        } else if (actor.is(Role.CUSTOMER)) {
            owner = WalletOwner.customer(actor.subject());
        } else {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN,
                    "NO_VENDOR_IN_TOKEN", "This token does not say which vendor it acts for"));
        }
        return ResponseEntity.ok(queries.query(new FindWalletStatementQuery(owner, Currencies.of(currency), page,
                size), ResponseTypes.instanceOf(WalletStatement.class)).join());
    }
}
