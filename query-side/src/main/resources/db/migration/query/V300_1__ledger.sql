-- journal_entries, journal_lines, ledger_accounts: the double-entry journal as auditors and analysts read it, fed by
-- the "ledger" processing group from JournalEntryPostedEvent alone. An entry is written once, keyed by its id (derived
-- from its business operation); its lines and its effect on the balances are written only together with it, so a
-- redelivered or replayed event changes nothing. Amounts are in minor units (piastres, halalas, cents) of currency.
-- Sign convention: balances are debit-positive (debits minus credits); the balances of one currency sum to zero.
CREATE TABLE journal_entries (
    entry_id         UUID        PRIMARY KEY,
    operation        TEXT        NOT NULL UNIQUE,
    operation_kind   VARCHAR(32) NOT NULL,
    description      TEXT,
    occurred_at      TIMESTAMPTZ NOT NULL,
    posted_at        TIMESTAMPTZ NOT NULL,
    order_id         UUID,
    vendor_order_id  UUID,
    vendor_id        UUID,
    payment_id       UUID,
    customer_subject TEXT,
    details          JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX journal_entries_order ON journal_entries (order_id, occurred_at);
CREATE INDEX journal_entries_vendor ON journal_entries (vendor_id, occurred_at);
CREATE INDEX journal_entries_occurred ON journal_entries (occurred_at);

CREATE TABLE journal_lines (
    entry_id        UUID        NOT NULL REFERENCES journal_entries (entry_id),
    line_no         INTEGER     NOT NULL,
    operation       TEXT        NOT NULL,
    account         TEXT        NOT NULL,
    account_kind    VARCHAR(32) NOT NULL,
    debit_minor     BIGINT      NOT NULL CHECK (debit_minor >= 0),
    credit_minor    BIGINT      NOT NULL CHECK (credit_minor >= 0),
    currency        CHAR(3)     NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    order_id        UUID,
    vendor_order_id UUID,
    PRIMARY KEY (entry_id, line_no),
    CHECK ((debit_minor = 0) <> (credit_minor = 0))
);
CREATE INDEX journal_lines_account ON journal_lines (account, currency, occurred_at);
CREATE INDEX journal_lines_order ON journal_lines (order_id);

CREATE TABLE ledger_accounts (
    account        TEXT        NOT NULL,
    currency       CHAR(3)     NOT NULL,
    account_kind   VARCHAR(32) NOT NULL,
    normal_balance VARCHAR(6)  NOT NULL,
    debit_minor    BIGINT      NOT NULL,
    credit_minor   BIGINT      NOT NULL,
    balance_minor  BIGINT      GENERATED ALWAYS AS (debit_minor - credit_minor) STORED,
    entries        BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account, currency)
);
CREATE INDEX ledger_accounts_kind ON ledger_accounts (account_kind, currency);

-- The trial balance per currency: balance_minor must be 0 at every instant.
CREATE VIEW trial_balance AS
SELECT currency, sum(debit_minor)::BIGINT AS debit_minor, sum(credit_minor)::BIGINT AS credit_minor,
       sum(balance_minor)::BIGINT AS balance_minor, count(*) AS accounts
  FROM ledger_accounts
 GROUP BY currency;

COMMENT ON TABLE journal_entries IS 'One row per journal entry, i.e. per business operation that moved money '
    '(processing group "ledger")';
COMMENT ON COLUMN journal_entries.operation IS 'The operation that posted it: capture:<paymentId>/<vendorOrderId>, '
    'release:<vendorOrderId>, reversal:<vendorOrderId>';
COMMENT ON COLUMN journal_entries.operation_kind IS 'capture, release or reversal (the part of operation before ":")';
COMMENT ON COLUMN journal_entries.occurred_at IS 'When the money moved (capture: when the provider captured it)';
COMMENT ON COLUMN journal_entries.posted_at IS 'When the entry was posted to the journal';
COMMENT ON COLUMN journal_entries.customer_subject IS 'The customer whose order it concerns, if any';
COMMENT ON COLUMN journal_entries.details IS '{"key": "value"} facts to recompute the figures, e.g. '
    'commission.rate.<category> (basis points), commission.base, commission.amount, commission.vat.rate, '
    'commission.vat.country (minor units unless a rate)';

COMMENT ON TABLE journal_lines IS 'The lines of every journal entry, in posting order (processing group "ledger")';
COMMENT ON COLUMN journal_lines.account IS 'customer-wallet:<subject>, vendor-payable:<vendorId>, '
    'vendor-wallet:<vendorId>, platform-commission, tax-payable:<country>, gateway-clearing:<provider>, '
    'refunds-clearing, payouts-clearing';
COMMENT ON COLUMN journal_lines.account_kind IS 'The account without its qualifier, e.g. vendor-payable';
COMMENT ON COLUMN journal_lines.debit_minor IS 'Amount debited, minor units of currency (0 on a credit line)';
COMMENT ON COLUMN journal_lines.credit_minor IS 'Amount credited, minor units of currency (0 on a debit line)';

COMMENT ON TABLE ledger_accounts IS 'Balance of every ledger account per currency (processing group "ledger")';
COMMENT ON COLUMN ledger_accounts.normal_balance IS 'DEBIT (asset: gateway clearing) or CREDIT (liabilities and '
    'revenue): the side the account normally stands on';
COMMENT ON COLUMN ledger_accounts.balance_minor IS 'debit_minor - credit_minor: positive for a debit balance, '
    'negative for a credit balance (a vendor owed 600.00 EGP shows -60000 on its vendor-payable account)';
COMMENT ON COLUMN ledger_accounts.entries IS 'How many journal entries touched the account';
COMMENT ON VIEW trial_balance IS 'Sum of all balances per currency: balance_minor is 0 when the ledger is sound';
