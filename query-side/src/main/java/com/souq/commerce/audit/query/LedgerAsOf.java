package com.souq.commerce.audit.query;

import com.souq.commerce.audit.query.api.BalanceAsOf;
import com.souq.commerce.audit.query.api.TrialBalanceAsOf;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.query.api.AccountBalanceView;
import com.souq.commerce.ledger.query.api.CurrencyTotal;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Balances and the trial balance as of an instant, from {@link LedgerReplay}: as JSON views and as CSV. */
@Component
public class LedgerAsOf {

    static final String CSV_HEADER = "account,kind,normal_balance,currency,debit_minor,credit_minor,balance_minor,"
            + "balance_in_normal_direction_minor\n";

    private final LedgerReplay replay;

    LedgerAsOf(LedgerReplay replay) {
        this.replay = replay;
    }

    public BalanceAsOf balance(LedgerAccount account, Instant asOf) {
        LedgerReplay.Replayed ledger = replay.asOf(asOf);
        List<AccountBalanceView> balances = new ArrayList<>();
        ledger.totals().forEach((key, sums) -> {
            if (key.account().equals(account.name())) {
                balances.add(view(key, sums));
            }
        });
        return new BalanceAsOf(account.name(), asOf, ledger.events(), ledger.lastPosition(), ledger.millis(),
                balances);
    }

    /** {@code currency} null: every currency. */
    public TrialBalanceAsOf trialBalance(Instant asOf, String currency, int page, int size) {
        LedgerReplay.Replayed ledger = replay.asOf(asOf);
        Map<String, long[]> sums = new TreeMap<>();
        List<AccountBalanceView> accounts = new ArrayList<>();
        ledger.totals().forEach((key, totals) -> {
            if (currency == null || currency.equals(key.currency())) {
                long[] sum = sums.computeIfAbsent(key.currency(), code -> new long[3]);
                sum[0] += totals[0];
                sum[1] += totals[1];
                sum[2]++;
                accounts.add(view(key, totals));
            }
        });
        if (currency != null) {
            sums.putIfAbsent(currency, new long[3]);
        }
        List<CurrencyTotal> totals = new ArrayList<>();
        sums.forEach((code, sum) -> totals.add(new CurrencyTotal(code, Money.of(sum[0], code), Money.of(sum[1], code),
                Money.of(sum[0] - sum[1], code), sum[2])));
        int from = (int) Math.min(accounts.size(), (long) page * size);
        int to = (int) Math.min(accounts.size(), (long) from + size);
        return new TrialBalanceAsOf(asOf, ledger.events(), ledger.lastPosition(), ledger.millis(),
                totals.stream().allMatch(total -> total.balance().isZero()), totals,
                PageResult.of(accounts.subList(from, to), page, size, accounts.size()));
    }

    /** The trial balance as of the instant as CSV, one row per account and currency, then one total per currency. */
    public void writeTrialBalanceCsv(Instant asOf, String currency, Writer out) throws IOException {
        TrialBalanceAsOf trial = trialBalance(asOf, currency, 0, Integer.MAX_VALUE);
        out.write(CSV_HEADER);
        for (AccountBalanceView account : trial.accounts().items()) {
            out.write(Csv.field(account.account()) + ',' + account.kind() + ',' + account.normalBalance() + ','
                    + account.balance().currency().getCurrencyCode() + ',' + account.debits().minorUnits() + ','
                    + account.credits().minorUnits() + ',' + account.balance().minorUnits() + ','
                    + account.balanceInNormalDirection().minorUnits() + '\n');
        }
        for (CurrencyTotal total : trial.totals()) {
            out.write("TOTAL,,," + total.currency() + ',' + total.debits().minorUnits() + ','
                    + total.credits().minorUnits() + ',' + total.balance().minorUnits() + ",\n");
        }
        out.write("# as of " + asOf + ": replayed " + trial.replayedEvents() + " journal entries up to store position "
                + trial.lastPosition() + '\n');
        out.flush();
    }

    private static AccountBalanceView view(LedgerReplay.Key key, long[] sums) {
        LedgerAccount account = LedgerAccount.of(key.account());
        String currency = key.currency();
        long balance = sums[0] - sums[1];
        return new AccountBalanceView(account.name(), account.kind().slug(), account.kind().normalBalance().name(),
                Money.of(sums[0], currency), Money.of(sums[1], currency), Money.of(balance, currency),
                Money.of(account.inNormalDirection(balance), currency));
    }
}
