package com.souq.commerce.audit.query;

import com.souq.commerce.audit.query.api.Mismatch;
import com.souq.commerce.audit.query.api.ReconciliationReport;
import com.souq.commerce.platform.web.PageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles the read models an auditor relies on, each against the ledger:
 * <ul>
 *   <li>{@code WALLET_VS_LEDGER}: every wallet's balance ({@code wallet_balances}) equals the credit balance of its
 *       account ({@code customer-wallet:<subject>}, {@code vendor-wallet:<vendorId>}) in {@code ledger_accounts}, and
 *       no wallet account holds money without a wallet;</li>
 *   <li>{@code PAYMENT_VS_JOURNAL}: every captured payment's amount ({@code payments.captured_minor}) equals what its
 *       capture entries debited to the provider's clearing account and, for the part the customer's wallet paid, to
 *       the customer's wallet account, and no capture entry names a payment that was not captured;</li>
 *   <li>{@code REFUND_VS_CAPTURE}: what was credited to {@code refunds-clearing} for a vendor order (owed back to the
 *       customer: reversals today, refunds as they come) never exceeds what its capture entry took, and nothing is
 *       owed back for a vendor order that was never captured.</li>
 * </ul>
 * The projections are kept by different processing groups: a payment captured a moment ago may show until its split
 * is posted. Every check reads the same snapshot (one read-only, repeatable-read transaction).
 */
@Component
public class Reconciliation {

    private static final String WALLETS = """
            WITH wallet_accounts AS (
                SELECT account, currency, balance_minor FROM ledger_accounts
                 WHERE account_kind IN ('customer-wallet', 'vendor-wallet')),
            wallets AS (
                SELECT wallet_id, currency, balance_minor,
                       CASE owner_type WHEN 'VENDOR' THEN 'vendor-wallet:' ELSE 'customer-wallet:' END || owner_id
                           AS account
                  FROM wallet_balances)
            SELECT coalesce(w.wallet_id::text, 'no wallet') AS subject, coalesce(w.account, a.account) AS account,
                   coalesce(w.currency, a.currency) AS currency, -coalesce(a.balance_minor, 0) AS expected,
                   coalesce(w.balance_minor, 0) AS found, w.wallet_id IS NULL AS walletless
              FROM wallets w FULL JOIN wallet_accounts a ON a.account = w.account AND a.currency = w.currency
             WHERE coalesce(w.balance_minor, 0) <> -coalesce(a.balance_minor, 0)""";

    private static final String PAYMENTS = """
            WITH posted AS (
                SELECT e.payment_id, l.currency, sum(l.debit_minor) AS debited
                  FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.entry_id
                 WHERE e.operation_kind = 'capture' AND l.account_kind IN ('gateway-clearing', 'customer-wallet')
                   AND e.payment_id IS NOT NULL
                 GROUP BY e.payment_id, l.currency),
            captured AS (
                SELECT payment_id, currency, coalesce(captured_minor, 0) AS captured_minor, status FROM payments
                 WHERE status = 'CAPTURED')
            SELECT coalesce(c.payment_id, p.payment_id)::text AS subject, coalesce(c.currency, p.currency) AS currency,
                   coalesce(c.captured_minor, 0) AS expected, coalesce(p.debited, 0) AS found,
                   c.payment_id IS NULL AS uncaptured
              FROM captured c FULL JOIN posted p ON p.payment_id = c.payment_id AND p.currency = c.currency
             WHERE coalesce(c.captured_minor, 0) <> coalesce(p.debited, 0)""";

    private static final String REFUNDS = """
            WITH flows AS (
                SELECT e.vendor_order_id, l.currency,
                       sum(l.debit_minor) FILTER (WHERE e.operation_kind = 'capture'
                                                    AND l.account_kind IN ('gateway-clearing', 'customer-wallet'))
                           AS captured,
                       sum(l.credit_minor) FILTER (WHERE l.account_kind = 'refunds-clearing') AS owed_back
                  FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.entry_id
                 WHERE e.vendor_order_id IS NOT NULL
                 GROUP BY e.vendor_order_id, l.currency)
            SELECT vendor_order_id::text AS subject, currency, coalesce(captured, 0) AS expected,
                   coalesce(owed_back, 0) AS found
              FROM flows WHERE coalesce(owed_back, 0) > coalesce(captured, 0)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;

    Reconciliation(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public ReconciliationReport run(int page, int size) {
        return snapshot.execute(status -> check(page, size));
    }

    private ReconciliationReport check(int page, int size) {
        Instant checkedAt = Instant.now();
        List<Mismatch> mismatches = new ArrayList<>();
        long[] checked = new long[3];
        jdbc.sql("""
                        SELECT (SELECT count(*) FROM wallet_balances) AS wallets,
                               (SELECT count(*) FROM payments WHERE status = 'CAPTURED') AS payments,
                               (SELECT count(DISTINCT vendor_order_id) FROM journal_entries
                                 WHERE vendor_order_id IS NOT NULL) AS vendor_orders""").query((RowCallbackHandler) row -> {
            checked[0] = row.getLong("wallets");
            checked[1] = row.getLong("payments");
            checked[2] = row.getLong("vendor_orders");
        });
        jdbc.sql(WALLETS + " ORDER BY 2, 3").query((RowCallbackHandler) row -> mismatches.add(new Mismatch(
                "WALLET_VS_LEDGER", row.getString("subject"), row.getString("account"), row.getString("currency"),
                row.getLong("expected"), row.getLong("found"), row.getBoolean("walletless")
                ? "the ledger account holds money but no wallet exists for it"
                : "the wallet's balance differs from its ledger account's credit balance")));
        jdbc.sql(PAYMENTS + " ORDER BY 1, 2").query((RowCallbackHandler) row -> mismatches.add(new Mismatch(
                "PAYMENT_VS_JOURNAL", row.getString("subject"), null, row.getString("currency"),
                row.getLong("expected"), row.getLong("found"), row.getBoolean("uncaptured")
                ? "capture entries are posted for a payment that is not captured"
                : row.getLong("found") == 0 ? "the captured payment has no capture entry in the journal"
                : "the capture entries debit the provider's clearing account with another amount than was captured")));
        jdbc.sql(REFUNDS + " ORDER BY 1, 2").query((RowCallbackHandler) row -> mismatches.add(new Mismatch(
                "REFUND_VS_CAPTURE", row.getString("subject"), "refunds-clearing", row.getString("currency"),
                row.getLong("expected"), row.getLong("found"), row.getLong("expected") == 0
                ? "money is owed back for a vendor order that was never captured"
                : "more is owed back for the vendor order than its capture took")));
        int from = (int) Math.min(mismatches.size(), (long) page * size);
        int to = (int) Math.min(mismatches.size(), (long) from + size);
        return new ReconciliationReport(checkedAt, checked[0], checked[1], checked[2], mismatches.isEmpty(),
                PageResult.of(mismatches.subList(from, to), page, size, mismatches.size()));
    }
}
