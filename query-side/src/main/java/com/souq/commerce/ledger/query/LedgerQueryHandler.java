package com.souq.commerce.ledger.query;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.query.api.AccountBalanceView;
import com.souq.commerce.ledger.query.api.CurrencyTotal;
import com.souq.commerce.ledger.query.api.Earnings;
import com.souq.commerce.ledger.query.api.FindOrderMoneyTrailQuery;
import com.souq.commerce.ledger.query.api.FindTrialBalanceQuery;
import com.souq.commerce.ledger.query.api.FindVendorEarningsQuery;
import com.souq.commerce.ledger.query.api.JournalEntryView;
import com.souq.commerce.ledger.query.api.JournalLineView;
import com.souq.commerce.ledger.query.api.MoneyTrail;
import com.souq.commerce.ledger.query.api.TrialBalance;
import com.souq.commerce.ledger.query.api.VendorEarnings;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers ledger queries from {@code journal_entries}, {@code journal_lines} and {@code ledger_accounts}. */
@Component
class LedgerQueryHandler {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LedgerQueryHandler(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<MoneyTrail> handle(FindOrderMoneyTrailQuery query) {
        UUID orderId = UUID.fromString(query.orderId().value());
        List<EntryRow> entries = jdbc.sql("""
                        SELECT entry_id, operation, operation_kind, occurred_at, posted_at, description,
                               vendor_order_id, vendor_id, payment_id, customer_subject, details
                          FROM journal_entries WHERE order_id = :order
                         ORDER BY occurred_at, posted_at, operation""")
                .param("order", orderId)
                .query(this::toEntry)
                .list();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<JournalLineView>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT entry_id, line_no, account, debit_minor, credit_minor, currency
                          FROM journal_lines WHERE order_id = :order ORDER BY entry_id, line_no""")
                .param("order", orderId)
                .query((row, index) -> {
                    String currency = row.getString("currency");
                    lines.computeIfAbsent(row.getString("entry_id"), entry -> new ArrayList<>())
                            .add(new JournalLineView(row.getInt("line_no"), row.getString("account"),
                                    Money.of(row.getLong("debit_minor"), currency),
                                    Money.of(row.getLong("credit_minor"), currency)));
                    return null;
                })
                .list();
        return Optional.of(new MoneyTrail(query.orderId().value(), entries.getFirst().customerSubject(),
                entries.stream().map(entry -> entry.view(lines.getOrDefault(entry.view().entryId(), List.of())))
                        .toList()));
    }

    @QueryHandler
    TrialBalance handle(FindTrialBalanceQuery query) {
        String where = query.currency() == null ? "" : " WHERE currency = :currency";
        JdbcClient.StatementSpec totals = jdbc.sql("""
                SELECT currency, sum(debit_minor) AS debits, sum(credit_minor) AS credits,
                       sum(balance_minor) AS balance, count(*) AS accounts
                  FROM ledger_accounts""" + where + " GROUP BY currency ORDER BY currency");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM ledger_accounts" + where);
        JdbcClient.StatementSpec page = jdbc.sql("""
                        SELECT account, account_kind, normal_balance, currency, debit_minor, credit_minor, balance_minor
                          FROM ledger_accounts""" + where + " ORDER BY currency, account LIMIT :limit OFFSET :offset")
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size());
        if (query.currency() != null) {
            String code = query.currency().getCurrencyCode();
            totals = totals.param("currency", code);
            count = count.param("currency", code);
            page = page.param("currency", code);
        }
        List<CurrencyTotal> sums = totals.query((row, index) -> {
            String currency = row.getString("currency");
            return new CurrencyTotal(currency, Money.of(row.getLong("debits"), currency),
                    Money.of(row.getLong("credits"), currency), Money.of(row.getLong("balance"), currency),
                    row.getLong("accounts"));
        }).list();
        PageResult<AccountBalanceView> accounts = PageResult.of(page.query(LedgerQueryHandler::toAccount).list(),
                query.page(), query.size(), count.query(Long.class).single());
        return new TrialBalance(sums.stream().allMatch(total -> total.balance().isZero()), sums, accounts);
    }

    @QueryHandler
    VendorEarnings handle(FindVendorEarningsQuery query) {
        VendorId vendor = query.vendorId();
        String payable = LedgerAccount.vendorPayable(vendor).name();
        String wallet = LedgerAccount.vendorWallet(vendor).name();
        Map<String, long[]> byCurrency = new TreeMap<>();
        jdbc.sql("SELECT account, currency, balance_minor FROM ledger_accounts WHERE account IN (:payable, :wallet)")
                .param("payable", payable)
                .param("wallet", wallet)
                .query((row, index) -> {
                    long[] amounts = byCurrency.computeIfAbsent(row.getString("currency"), currency -> new long[3]);
                    // both are credit-normal: what the vendor is owed reads as the negated debit-positive balance
                    amounts[row.getString("account").equals(payable) ? 0 : 1] = -row.getLong("balance_minor");
                    return null;
                })
                .list();
        jdbc.sql("""
                        SELECT currency, sum(debit_minor) - sum(credit_minor) AS paid_out FROM journal_lines
                         WHERE account = :wallet AND operation LIKE 'payout:%' GROUP BY currency""")
                .param("wallet", wallet)
                .query((row, index) -> byCurrency.computeIfAbsent(row.getString("currency"),
                        currency -> new long[3])[2] = row.getLong("paid_out"))
                .list();
        List<Earnings> earnings = new ArrayList<>();
        byCurrency.forEach((currency, amounts) -> earnings.add(new Earnings(currency, Money.of(amounts[0], currency),
                Money.of(amounts[1], currency), Money.of(amounts[2], currency))));
        return new VendorEarnings(vendor.value(), earnings);
    }

    private EntryRow toEntry(ResultSet row, int index) throws SQLException {
        return new EntryRow(new JournalEntryView(
                row.getString("entry_id"),
                row.getString("operation"),
                row.getString("operation_kind"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getTimestamp("posted_at").toInstant(),
                row.getString("description"),
                row.getString("vendor_order_id"),
                row.getString("vendor_id"),
                row.getString("payment_id"),
                List.of(),
                json.readValue(row.getString("details"), DETAILS)), row.getString("customer_subject"));
    }

    private static AccountBalanceView toAccount(ResultSet row, int index) throws SQLException {
        String currency = row.getString("currency");
        LedgerAccount account = LedgerAccount.of(row.getString("account"));
        long balance = row.getLong("balance_minor");
        return new AccountBalanceView(account.name(), row.getString("account_kind"), row.getString("normal_balance"),
                Money.of(row.getLong("debit_minor"), currency), Money.of(row.getLong("credit_minor"), currency),
                Money.of(balance, currency), Money.of(account.inNormalDirection(balance), currency));
    }

    private record EntryRow(JournalEntryView view, String customerSubject) {

        JournalEntryView view(List<JournalLineView> lines) {
            return new JournalEntryView(view.entryId(), view.operation(), view.kind(), view.occurredAt(),
                    view.postedAt(), view.description(), view.vendorOrderId(), view.vendorId(), view.paymentId(),
                    List.copyOf(lines), view.details());
        }
    }
}
