package com.souq.commerce.account.query.web;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.account.query.api.AccountView;
import com.souq.commerce.account.query.api.FindAccountQuery;
import com.souq.commerce.platform.web.ExpectedVersion;
import com.souq.commerce.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person reads their own account; administrators and support read any account. */
@RestController
@Tag(name = "accounts")
class AccountQueryController {

    private final QueryGateway queries;

    AccountQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/accounts/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Your own account: profile, addresses, role and vendor")
    ResponseEntity<?> me(Authentication caller) {
        AccountId accountId;
        try {
            accountId = AccountId.of(caller.getName());
        } catch (RuntimeException notAnAccount) {
            return notFound();
        }
        return answer(accountId);
    }

    @GetMapping("/api/v1/accounts/{accountId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPPORT')")
    @Operation(summary = "Any account (administrators and support)")
    ResponseEntity<?> account(@PathVariable String accountId) {
        return answer(AccountId.of(accountId));
    }

    private ResponseEntity<?> answer(AccountId accountId) {
        Optional<AccountView> account = queries.query(new FindAccountQuery(accountId),
                ResponseTypes.optionalInstanceOf(AccountView.class)).join();
        return account.<ResponseEntity<?>>map(view -> ResponseEntity.ok()
                        .eTag(ExpectedVersion.entityTag(view.version())).body(view))
                .orElseGet(AccountQueryController::notFound);
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such account"));
    }
}
