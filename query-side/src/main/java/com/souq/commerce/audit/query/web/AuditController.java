package com.souq.commerce.audit.query.web;

import com.souq.commerce.audit.query.AccountStatements;
import com.souq.commerce.audit.query.CommissionShadow;
import com.souq.commerce.audit.query.EventHistories;
import com.souq.commerce.audit.query.LedgerAsOf;
import com.souq.commerce.audit.query.Reconciliation;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.shared.Identifiers;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.vendor.api.CommissionPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * What finance auditors read (auditors and administrators only; every endpoint is a read): account statements, the
 * ledger replayed from the event store as of any instant, the reconciliation report, event histories of an aggregate
 * or a whole correlation, a proposed commission plan run over past captures, and CSV exports streamed in constant
 * memory.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
@Tag(name = "audit")
class AuditController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");
    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final AccountStatements statements;
    private final LedgerAsOf ledger;
    private final Reconciliation reconciliation;
    private final EventHistories histories;
    private final CommissionShadow commission;
    private final JsonMapper json;

    AuditController(AccountStatements statements, LedgerAsOf ledger, Reconciliation reconciliation,
                    EventHistories histories, CommissionShadow commission, JsonMapper json) {
        this.statements = statements;
        this.ledger = ledger;
        this.reconciliation = reconciliation;
        this.histories = histories;
        this.commission = commission;
        this.json = json;
    }

    @GetMapping("/accounts/statement")
    @Operation(summary = "Every journal line of an account in one currency, oldest first, with the running balance; "
            + "from inclusive, to exclusive (ISO instants or dates)")
    ResponseEntity<?> statement(@RequestParam(required = false) String account,
                                @RequestParam(required = false) String currency,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        LedgerAccount ledgerAccount = parameters.account("account", account);
        String code = parameters.currency("currency", currency, true);
        Instant since = parameters.instant("from", from, BEGINNING);
        Instant until = parameters.instant("to", to, END);
        parameters.ordered("from", since, "to", until);
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(statements.statement(ledgerAccount, code, since, until, page, size));
    }

    @GetMapping("/accounts/statement/csv")
    @Operation(summary = "The same statement as CSV, every line, streamed")
    ResponseEntity<StreamingResponseBody> statementCsv(@RequestParam(required = false) String account,
                                                       @RequestParam(required = false) String currency,
                                                       @RequestParam(required = false) String from,
                                                       @RequestParam(required = false) String to) {
        Parameters parameters = new Parameters();
        LedgerAccount ledgerAccount = parameters.account("account", account);
        String code = parameters.currency("currency", currency, true);
        Instant since = parameters.instant("from", from, BEGINNING);
        Instant until = parameters.instant("to", to, END);
        parameters.ordered("from", since, "to", until);
        if (!parameters.valid()) {
            return problem(parameters);
        }
        return csv("statement-" + ledgerAccount.kind().slug() + "-" + code + ".csv",
                out -> statements.writeCsv(ledgerAccount, code, since, until, out));
    }

    @GetMapping("/accounts/balance")
    @Operation(summary = "An account's balance in each currency as of an instant, replayed from the event store")
    ResponseEntity<?> balanceAsOf(@RequestParam(required = false) String account,
                                  @RequestParam(required = false) String asOf) {
        Parameters parameters = new Parameters();
        LedgerAccount ledgerAccount = parameters.account("account", account);
        Instant instant = parameters.instant("asOf", asOf, null);
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(ledger.balance(ledgerAccount, instant));
    }

    @GetMapping("/trial-balance")
    @Operation(summary = "The trial balance as of an instant (default: now), replayed from the event store")
    ResponseEntity<?> trialBalanceAsOf(@RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String currency,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        Instant instant = parameters.instant("asOf", asOf, Instant.now());
        String code = parameters.currency("currency", currency, false);
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(ledger.trialBalance(instant, code, page, size));
    }

    @GetMapping("/trial-balance/csv")
    @Operation(summary = "The trial balance as of an instant as CSV: every account, then the totals per currency")
    ResponseEntity<StreamingResponseBody> trialBalanceCsv(@RequestParam(required = false) String asOf,
                                                          @RequestParam(required = false) String currency) {
        Parameters parameters = new Parameters();
        Instant instant = parameters.instant("asOf", asOf, Instant.now());
        String code = parameters.currency("currency", currency, false);
        if (!parameters.valid()) {
            return problem(parameters);
        }
        return csv("trial-balance-" + instant.toString().replace(':', '-') + ".csv",
                out -> ledger.writeTrialBalanceCsv(instant, code, out));
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Wallets against the ledger, captured payments against their journal entries, refunds "
            + "against captures: every mismatch")
    ResponseEntity<?> reconciliation(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return ResponseEntity.ok(reconciliation.run(page, size));
    }

    @GetMapping("/aggregates/{aggregateId}/events")
    @Operation(summary = "Every event of one aggregate (order, payment, wallet, vendor, journal entry...) with who, "
            + "when and its correlation id")
    ResponseEntity<?> aggregateHistory(@PathVariable String aggregateId,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Identifiers.requireValid("aggregate", aggregateId);
        return ResponseEntity.ok(histories.ofAggregate(aggregateId, page, size));
    }

    @GetMapping("/events")
    @Operation(summary = "Every event one request caused, across aggregates and processes, in store order")
    ResponseEntity<?> correlationHistory(@RequestParam(required = false) String correlationId,
                                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        if (correlationId == null || !CORRELATION_ID.matcher(correlationId).matches()) {
            parameters.add("correlationId", "is required: 1 to 64 of A-Z a-z 0-9 . _ : -");
            return parameters.invalid();
        }
        return ResponseEntity.ok(histories.ofCorrelation(correlationId, page, size));
    }

    @GetMapping("/what-if/commission")
    @Operation(summary = "A proposed commission plan run over the captures of a period in a shadow computation: "
            + "per vendor, the payout difference (the ledger is not touched)")
    ResponseEntity<?> whatIfCommission(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String defaultRate,
                                       @RequestParam(required = false) List<String> categoryRate,
                                       @RequestParam(required = false) String vendorId) {
        Parameters parameters = new Parameters();
        Instant since = parameters.instant("from", from, null);
        Instant until = parameters.instant("to", to, null);
        parameters.ordered("from", since, "to", until);
        Integer rate = parameters.basisPoints("defaultRate", defaultRate);
        Map<String, Rate> categories = new TreeMap<>();
        List<String> given = categoryRate == null ? List.of() : categoryRate;
        if (given.size() > 100) {
            parameters.add("categoryRate", "at most 100");
        } else {
            for (String each : given) {
                String[] parsed = parameters.categoryRate("categoryRate", each);
                if (parsed != null) {
                    categories.put(parsed[0], new Rate(Integer.parseInt(parsed[1])));
                }
            }
        }
        if (vendorId != null && !vendorId.isEmpty()
                && !vendorId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            parameters.add("vendorId", "is not a vendor id");
        }
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(commission.run(new CommissionPlan(new Rate(rate), categories), since, until,
                vendorId == null || vendorId.isEmpty() ? null : vendorId));
    }

    private ResponseEntity<StreamingResponseBody> csv(String filename, CsvWriter body) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(out -> {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
                    body.write(writer);
                    writer.flush();
                });
    }

    /** A refused CSV request: the same problem+json the JSON endpoints answer. */
    private ResponseEntity<StreamingResponseBody> problem(Parameters parameters) {
        var invalid = parameters.invalid();
        return ResponseEntity.status(invalid.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(out -> json.writeValue(out, invalid.getBody()));
    }

    @FunctionalInterface
    private interface CsvWriter {
        void write(Writer out) throws java.io.IOException;
    }
}
