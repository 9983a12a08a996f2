-- wallet_balances, wallet_movements: every customer's and vendor's wallet and its statement, fed by the "wallets"
-- processing group from the Wallet aggregate's events. version is the sequence number of the last event applied and
-- each movement is keyed by (wallet_id, sequence_number): a redelivered event changes nothing. Amounts are in minor
-- units of currency.
CREATE TABLE wallet_balances (
    wallet_id       UUID        PRIMARY KEY,
    owner_type      VARCHAR(16) NOT NULL,
    owner_id        TEXT        NOT NULL,
    currency        CHAR(3)     NOT NULL,
    balance_minor   BIGINT      NOT NULL,
    available_minor BIGINT      NOT NULL,
    held_minor      BIGINT      GENERATED ALWAYS AS (balance_minor - available_minor) STORED,
    movements       BIGINT      NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL,
    UNIQUE (owner_type, owner_id, currency)
);

CREATE TABLE wallet_movements (
    wallet_id             UUID        NOT NULL,
    sequence_number       BIGINT      NOT NULL,
    transaction_id        TEXT        NOT NULL,
    movement_type         VARCHAR(16) NOT NULL,
    hold_transaction_id   TEXT,
    amount_minor          BIGINT      NOT NULL CHECK (amount_minor > 0),
    balance_change_minor  BIGINT      NOT NULL,
    balance_after_minor   BIGINT      NOT NULL CHECK (balance_after_minor >= 0),
    available_after_minor BIGINT      NOT NULL CHECK (available_after_minor >= 0),
    currency              CHAR(3)     NOT NULL,
    reference             TEXT,
    occurred_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (wallet_id, sequence_number),
    UNIQUE (wallet_id, transaction_id)
);

COMMENT ON TABLE wallet_balances IS 'One row per wallet (owner and currency) (processing group "wallets")';
COMMENT ON COLUMN wallet_balances.owner_type IS 'CUSTOMER (owner_id: the token subject) or VENDOR (owner_id: vendor id)';
COMMENT ON COLUMN wallet_balances.balance_minor IS 'Money in the wallet, minor units; equals the credit balance of '
    'its ledger account (customer-wallet:<subject> or vendor-wallet:<vendorId>)';
COMMENT ON COLUMN wallet_balances.available_minor IS 'balance_minor minus what open holds keep: what may be spent';
COMMENT ON COLUMN wallet_balances.version IS 'Sequence number of the last Wallet event applied';

COMMENT ON TABLE wallet_movements IS 'Statement of every wallet with running balances (processing group "wallets"); '
    'refused movements move nothing and are not listed';
COMMENT ON COLUMN wallet_movements.movement_type IS 'DEPOSIT, HOLD, CAPTURE, RELEASE or WITHDRAWAL';
COMMENT ON COLUMN wallet_movements.transaction_id IS 'The movement''s transaction id (a vendor''s earnings: the id of '
    'the release journal entry)';
COMMENT ON COLUMN wallet_movements.hold_transaction_id IS 'The hold a CAPTURE or RELEASE acts on';
COMMENT ON COLUMN wallet_movements.balance_change_minor IS 'Effect on the balance: +amount for DEPOSIT, -amount for '
    'CAPTURE and WITHDRAWAL, 0 for HOLD and RELEASE (they move only the available balance)';
COMMENT ON COLUMN wallet_movements.balance_after_minor IS 'Running balance after this movement';
COMMENT ON COLUMN wallet_movements.available_after_minor IS 'Running available balance after this movement';
