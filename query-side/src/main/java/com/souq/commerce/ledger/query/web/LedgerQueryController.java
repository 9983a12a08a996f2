package com.souq.commerce.ledger.query.web;

import com.souq.commerce.ledger.query.api.FindOrderMoneyTrailQuery;
import com.souq.commerce.ledger.query.api.FindTrialBalanceQuery;
import com.souq.commerce.ledger.query.api.FindVendorEarningsQuery;
import com.souq.commerce.ledger.query.api.MoneyTrail;
import com.souq.commerce.ledger.query.api.TrialBalance;
import com.souq.commerce.ledger.query.api.VendorEarnings;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.platform.security.Actor;
import com.souq.commerce.platform.security.Role;
import com.souq.commerce.platform.web.Problems;
import com.souq.commerce.shared.money.Currencies;
import com.souq.commerce.vendor.api.VendorId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger read from PostgreSQL: an order's money trail (its customer and staff), a vendor's earnings (its own
 * staff, administrators and auditors) and the trial balance (auditors and administrators).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "ledger")
class LedgerQueryController {

    private final QueryGateway queries;

    LedgerQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/orders/{orderId}/money-trail")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The journal entries of an order: capture split per vendor, releases, reversals "
            + "(the order's customer and staff)")
    ResponseEntity<?> moneyTrail(@PathVariable String orderId, Authentication caller) {
        OrderId order = OrderId.of(orderId);
        Actor actor = Actor.of(caller);
        Optional<MoneyTrail> trail = queries.query(new FindOrderMoneyTrailQuery(order),
                ResponseTypes.optionalInstanceOf(MoneyTrail.class)).join();
        if (trail.isEmpty()) {
            return actor.isStaff() ? ResponseEntity.ok(new MoneyTrail(order.value(), null, List.of()))
                    : problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "No money was posted for order " + orderId);
        }
        if (!actor.isStaff() && !caller.getName().equals(trail.get().customerSubject())) {
            return problem(HttpStatus.FORBIDDEN, "NOT_YOUR_ORDER", "Order " + orderId + " is another customer's");
        }
        return ResponseEntity.ok(trail.get());
    }

    @GetMapping("/vendors/{vendorId}/earnings")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A vendor's earnings per currency: pending (within return windows), available (its wallet), "
            + "paid out (its own staff, administrators and auditors)")
    ResponseEntity<?> earnings(@PathVariable String vendorId, Authentication caller) {
        VendorId vendor = VendorId.of(vendorId);
        Actor actor = Actor.of(caller);
        if (!actor.actsFor(vendor.value()) && !actor.is(Role.AUDITOR)) {
            return problem(HttpStatus.FORBIDDEN, "NOT_YOUR_VENDOR", "You do not act for vendor " + vendorId);
        }
        return ResponseEntity.ok(queries.query(new FindVendorEarningsQuery(vendor),
                ResponseTypes.instanceOf(VendorEarnings.class)).join());
    }

    @GetMapping("/ledger/trial-balance")
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Operation(summary = "Every ledger account's balance (debit-positive) and the sum per currency, which is zero")
    TrialBalance trialBalance(@RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}") String currency,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return queries.query(new FindTrialBalanceQuery(currency == null ? null : Currencies.of(currency), page, size),
                ResponseTypes.instanceOf(TrialBalance.class)).join();
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }
}
