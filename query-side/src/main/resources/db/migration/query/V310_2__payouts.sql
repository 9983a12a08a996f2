-- payouts: one row per payout from a wallet, fed by the "payouts" processing group from the Wallet aggregate's payout
-- events. version is the sequence number of the last Wallet event applied: a redelivered event changes nothing.
CREATE TABLE payouts (
    payout_id          UUID         PRIMARY KEY,
    wallet_id          UUID         NOT NULL,
    owner_type         VARCHAR(16)  NOT NULL,
    owner_id           VARCHAR(255) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    amount_minor       BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    method             TEXT         NOT NULL,
    requested_by       VARCHAR(255),
    provider_reference TEXT,
    failure_reason     TEXT,
    requested_at       TIMESTAMPTZ  NOT NULL,
    submitted_at       TIMESTAMPTZ,
    paid_at            TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
-- An owner's payouts, newest first (GET /api/v1/vendors/{id}/payouts).
CREATE INDEX payouts_owner ON payouts (owner_type, owner_id, requested_at DESC);

COMMENT ON TABLE payouts IS 'Payouts from wallets to their owners'' banks: one row per payout (processing group "payouts")';
COMMENT ON COLUMN payouts.wallet_id IS 'The wallet paid out of';
COMMENT ON COLUMN payouts.owner_type IS 'VENDOR (or CUSTOMER)';
COMMENT ON COLUMN payouts.owner_id IS 'The vendor id (or customer subject) owning the wallet';
COMMENT ON COLUMN payouts.status IS 'REQUESTED (held), SUBMITTED (the provider accepted it), PAID (held money '
    'captured) or FAILED (released)';
COMMENT ON COLUMN payouts.amount_minor IS 'Amount paid out, minor units of currency';
COMMENT ON COLUMN payouts.currency IS 'ISO 4217 currency of amount_minor';
COMMENT ON COLUMN payouts.method IS 'The payout provider''s instruction (sandbox-succeed, sandbox-fail, ...)';
COMMENT ON COLUMN payouts.requested_by IS 'Subject of the staff member (or administrator) who asked';
COMMENT ON COLUMN payouts.provider_reference IS 'The provider''s id of the payout; NULL until it accepted it';
COMMENT ON COLUMN payouts.failure_reason IS 'Why the provider did not pay it out';
COMMENT ON COLUMN payouts.version IS 'Sequence number of the last Wallet event applied';
