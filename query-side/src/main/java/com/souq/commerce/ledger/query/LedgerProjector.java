package com.souq.commerce.ledger.query;

import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.Posting;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code journal_entries}, {@code journal_lines} and {@code ledger_accounts}. An entry is inserted keyed by its
 * id; only when that insert took place are its lines written and its amounts added to the balances, all in the
 * processor's transaction, so a redelivered or replayed event changes nothing and the balances always sum to zero.
 * The processing group handles its events one after the other ({@link LedgerSequencing}): every entry touches the same
 * few busy accounts (platform commission, gateway clearing), which parallel segments would fight over.
 */
@Component
@ReadModelTables({"journal_entries", "journal_lines", "ledger_accounts"})
@ProcessingGroup(LedgerProjector.PROCESSING_GROUP)
class LedgerProjector {

    static final String PROCESSING_GROUP = "ledger";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LedgerProjector(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(JournalEntryPostedEvent event, @Timestamp Instant postedAt) {
        JournalReferences references = event.references() != null ? event.references() : JournalReferences.none();
        UUID entryId = UUID.fromString(event.entryId().value());
        OffsetDateTime occurredAt = utc(event.occurredAt() != null ? event.occurredAt() : postedAt);
        UUID orderId = references.orderId() == null ? null : UUID.fromString(references.orderId().value());
        UUID vendorOrderId = references.vendorOrderId() == null ? null
                : UUID.fromString(references.vendorOrderId().value());
        int inserted = jdbc.sql("""
                        INSERT INTO journal_entries (entry_id, operation, operation_kind, description, occurred_at,
                                                     posted_at, order_id, vendor_order_id, vendor_id, payment_id,
                                                     customer_subject, details)
                        VALUES (:id, :operation, :kind, :description, :occurredAt, :postedAt, :order, :vendorOrder,
                                :vendor, :payment, :customer, CAST(:details AS jsonb))
                        ON CONFLICT (entry_id) DO NOTHING""")
                .param("id", entryId)
                .param("operation", event.operation())
                .param("kind", Operations.kindOf(event.operation()))
                .param("description", event.description())
                .param("occurredAt", occurredAt)
                .param("postedAt", utc(postedAt))
                .param("order", orderId)
                .param("vendorOrder", vendorOrderId)
                .param("vendor", references.vendorId() == null ? null : UUID.fromString(references.vendorId().value()))
                .param("payment", references.paymentId() == null ? null
                        : UUID.fromString(references.paymentId().value()))
                .param("customer", references.customerSubject())
                .param("details", json.writeValueAsString(event.details() == null ? Map.of() : event.details()))
                .update();
        if (inserted == 0) {
            return;
        }
        List<Posting> postings = event.postings();
        Map<AccountInCurrency, long[]> totals = new LinkedHashMap<>();
        for (int index = 0; index < postings.size(); index++) {
            Posting posting = postings.get(index);
            long debit = posting.side() == Posting.Side.DEBIT ? posting.amount().minorUnits() : 0;
            long credit = posting.side() == Posting.Side.CREDIT ? posting.amount().minorUnits() : 0;
            String currency = posting.amount().currency().getCurrencyCode();
            jdbc.sql("""
                            INSERT INTO journal_lines (entry_id, line_no, operation, account, account_kind, debit_minor,
                                                       credit_minor, currency, occurred_at, order_id, vendor_order_id)
                            VALUES (:id, :line, :operation, :account, :kind, :debit, :credit, :currency, :occurredAt,
                                    :order, :vendorOrder)""")
                    .param("id", entryId)
                    .param("line", index + 1)
                    .param("operation", event.operation())
                    .param("account", posting.account().name())
                    .param("kind", posting.account().kind().slug())
                    .param("debit", debit)
                    .param("credit", credit)
                    .param("currency", currency)
                    .param("occurredAt", occurredAt)
                    .param("order", orderId)
                    .param("vendorOrder", vendorOrderId)
                    .update();
            long[] sums = totals.computeIfAbsent(new AccountInCurrency(posting.account(), currency),
                    key -> new long[2]);
            sums[0] += debit;
            sums[1] += credit;
        }
        totals.forEach((account, sums) -> jdbc.sql("""
                        INSERT INTO ledger_accounts (account, currency, account_kind, normal_balance, debit_minor,
                                                     credit_minor, entries, updated_at)
                        VALUES (:account, :currency, :kind, :normal, :debit, :credit, 1, :at)
                        ON CONFLICT (account, currency) DO UPDATE
                           SET debit_minor = ledger_accounts.debit_minor + excluded.debit_minor,
                               credit_minor = ledger_accounts.credit_minor + excluded.credit_minor,
                               entries = ledger_accounts.entries + 1,
                               updated_at = greatest(ledger_accounts.updated_at, excluded.updated_at)""")
                .param("account", account.account().name())
                .param("currency", account.currency())
                .param("kind", account.account().kind().slug())
                .param("normal", account.account().kind().normalBalance().name())
                .param("debit", sums[0])
                .param("credit", sums[1])
                .param("at", occurredAt)
                .update());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE journal_lines, journal_entries, ledger_accounts").update();
    }

    private record AccountInCurrency(LedgerAccount account, String currency) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
