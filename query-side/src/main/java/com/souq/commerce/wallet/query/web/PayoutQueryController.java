package com.souq.commerce.wallet.query.web;

import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.query.api.FindOwnerPayoutsQuery;
import com.souq.commerce.wallet.query.api.FindPayoutQuery;
import com.souq.commerce.wallet.query.api.PayoutView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payouts as read: one payout and a vendor's payouts, for the vendor's own staff, administrators, support and
 * auditors (one payout answers 404 to anyone else).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "payouts")
class PayoutQueryController {

    private final QueryGateway queries;

    PayoutQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/payouts/{payoutId}")
    @Operation(summary = "One payout and where it stands (the vendor's staff, ADMIN, SUPPORT, AUDITOR)")
    PayoutView payout(@PathVariable String payoutId, Authentication caller) {
        return queries.query(new FindPayoutQuery(PayoutId.of(payoutId)),
                        ResponseTypes.optionalInstanceOf(PayoutView.class)).join()
                .filter(view -> mayRead(Actor.of(caller), view))
                .orElseThrow(() -> new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "NOT_FOUND",
                        "No payout with id " + payoutId));
    }

    @GetMapping("/vendors/{vendorId}/payouts")
    @Operation(summary = "A vendor's payouts, newest first (its staff, ADMIN, SUPPORT, AUDITOR)")
    @SuppressWarnings("unchecked")
    PageResult<PayoutView> vendorPayouts(@PathVariable String vendorId,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                         Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor actor = Actor.of(caller);
        if (!actor.is(Role.SUPPORT) && !actor.is(Role.AUDITOR)) {
            actor.requireActsFor(vendor.value());
        }
        return queries.query(new FindOwnerPayoutsQuery(WalletOwner.vendor(vendor), page, size),
                ResponseTypes.instanceOf(PageResult.class)).join();
    }

    private static boolean mayRead(Actor actor, PayoutView payout) {
        return actor.is(Role.ADMIN) || actor.is(Role.SUPPORT) || actor.is(Role.AUDITOR)
                || (payout.ownerType().equals("VENDOR") && actor.actsFor(payout.ownerId()));
    }
}
