package com.souq.commerce.audit.query;

import com.souq.commerce.audit.query.api.AccountStatement;
import com.souq.commerce.audit.query.api.StatementLine;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account's statement from {@code journal_lines}: every line of the account in one currency within a period, oldest
 * first (by when the money moved, then entry and line), with the running balance, which starts from the balance of
 * everything before the period. As JSON one page at a time, or as CSV streamed through a cursor in constant memory.
 */
@Component
public class AccountStatements {

    static final String CSV_HEADER = "entry_id,line_no,occurred_at,operation,description,debit_minor,credit_minor,"
            + "balance_minor,balance_in_normal_direction_minor,currency\n";

    private static final String LINES = """
            SELECT l.entry_id, l.line_no, l.operation, e.description, l.occurred_at, l.debit_minor, l.credit_minor
              FROM journal_lines l JOIN journal_entries e ON e.entry_id = l.entry_id
             WHERE l.account = :account AND l.currency = :currency AND l.occurred_at >= :from AND l.occurred_at < :to""";
    private static final String ORDER = " ORDER BY l.occurred_at, l.entry_id, l.line_no";

    private final JdbcClient jdbc;
    private final EventStoreCursor cursor;

    AccountStatements(JdbcClient jdbc, EventStoreCursor cursor) {
        this.jdbc = jdbc;
        this.cursor = cursor;
    }

    public AccountStatement statement(LedgerAccount account, String currency, Instant from, Instant to, int page,
                                      int size) {
        Map<String, Object> period = period(account, currency, from, to);
        long opening = opening(period);
        long[] countAndChange = jdbc.sql("""
                        SELECT count(*), coalesce(sum(debit_minor - credit_minor), 0) FROM journal_lines
                         WHERE account = :account AND currency = :currency AND occurred_at >= :from AND occurred_at < :to""")
                .params(period)
                .query((row, index) -> new long[] {row.getLong(1), row.getLong(2)}).single();
        List<StatementLine> lines = jdbc.sql("SELECT * FROM (SELECT page.*, sum(debit_minor - credit_minor) OVER "
                        + "(ORDER BY occurred_at, entry_id, line_no) AS running FROM (" + LINES + ") page) running"
                        + " ORDER BY occurred_at, entry_id, line_no LIMIT :limit OFFSET :offset")
                .params(period)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((row, index) -> {
                    long balance = opening + row.getLong("running");
                    return new StatementLine(row.getString("entry_id"), row.getInt("line_no"),
                            row.getString("operation"), row.getString("description"),
                            row.getTimestamp("occurred_at").toInstant(), Money.of(row.getLong("debit_minor"), currency),
                            Money.of(row.getLong("credit_minor"), currency), Money.of(balance, currency),
                            Money.of(account.inNormalDirection(balance), currency));
                })
                .list();
        return new AccountStatement(account.name(), currency, from, to, Money.of(opening, currency),
                Money.of(opening + countAndChange[1], currency),
                PageResult.of(lines, page, size, countAndChange[0]));
    }

    /** Writes the statement's every line as CSV, fetched through a cursor: memory stays constant however long. */
    public void writeCsv(LedgerAccount account, String currency, Instant from, Instant to, Writer out)
            throws IOException {
        Map<String, Object> period = period(account, currency, from, to);
        long[] balance = {opening(period)};
        out.write(CSV_HEADER);
        cursor.stream(LINES + ORDER, period, row -> {
            long debit = row.getLong("debit_minor");
            long credit = row.getLong("credit_minor");
            balance[0] += debit - credit;
            out.write(row.getString("entry_id") + ',' + row.getInt("line_no") + ','
                    + row.getTimestamp("occurred_at").toInstant() + ',' + Csv.field(row.getString("operation")) + ','
                    + Csv.field(row.getString("description")) + ',' + debit + ',' + credit + ',' + balance[0] + ','
                    + account.inNormalDirection(balance[0]) + ',' + currency + '\n');
        });
        out.flush();
    }

    private long opening(Map<String, Object> period) {
        return jdbc.sql("""
                        SELECT coalesce(sum(debit_minor - credit_minor), 0) FROM journal_lines
                         WHERE account = :account AND currency = :currency AND occurred_at < :from""")
                .params(period).query(Long.class).single();
    }

    private static Map<String, Object> period(LedgerAccount account, String currency, Instant from, Instant to) {
        return Map.of("account", account.name(), "currency", currency, "from", utc(from), "to", utc(to));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
