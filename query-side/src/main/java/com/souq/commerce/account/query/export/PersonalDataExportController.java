package com.souq.commerce.account.query.export;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person downloads everything the engine holds about them; support (and administrators) download it on a person's
 * behalf. Each export is logged with who asked for whom, so a person can later be told who read their data.
 */
@RestController
@Tag(name = "accounts")
class PersonalDataExportController {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataExportController.class);

    private final PersonalDataExport export;
    private final JsonMapper json;

    PersonalDataExportController(PersonalDataExport export, JsonMapper json) {
        this.export = export;
        this.json = json;
    }

    @GetMapping("/api/v1/accounts/me/export")
    @PreAuthorize("hasAnyRole('CUSTOMER', 'VENDOR')")
    @Operation(summary = "Everything the engine holds about you (account, carts, orders, payments, refunds, wallet, "
            + "mails, events) as one JSON document")
    ResponseEntity<StreamingResponseBody> mine(Authentication caller) {
        AccountId account;
        try {
            account = AccountId.of(caller.getName());
        } catch (RuntimeException notAnAccount) {
            return notFound();
        }
        return answer(account, caller);
    }

    @GetMapping("/api/v1/support/accounts/{accountId}/export")
    @PreAuthorize("hasAnyRole('SUPPORT', 'ADMIN')")
    @Operation(summary = "Everything the engine holds about one person, on their behalf (support, administrators)")
    ResponseEntity<StreamingResponseBody> onBehalf(@PathVariable String accountId, Authentication caller) {
        return answer(AccountId.of(accountId), caller);
    }

    private ResponseEntity<StreamingResponseBody> answer(AccountId account, Authentication caller) {
        if (!export.knows(account)) {
            return notFound();
        }
        log.info("Personal data of account {} exported for {}", account, caller.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"souq-data-export-" + account.value() + ".json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> export.write(account, out));
    }

    private ResponseEntity<StreamingResponseBody> notFound() {
        var problem = Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such account");
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(out -> json.writeValue(out, problem));
    }
}
