-- accounts: one row per account, fed by the "accounts" processing group from the Account aggregate's events.
-- version is the sequence number of the last event applied: a redelivered event changes nothing.
-- Personal data: email, display_name, phone, addresses.
CREATE TABLE accounts (
    account_id     UUID         PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    display_name   VARCHAR(120) NOT NULL,
    phone          VARCHAR(32),
    language       CHAR(2)      NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    vendor_id      UUID,
    email_verified BOOLEAN      NOT NULL DEFAULT false,
    addresses      JSONB        NOT NULL DEFAULT '[]',
    created_by     VARCHAR(255),
    password_changed_at TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL,
    verified_at    TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE INDEX accounts_role_created ON accounts (role, created_at DESC);
CREATE INDEX accounts_vendor ON accounts (vendor_id) WHERE vendor_id IS NOT NULL;

COMMENT ON TABLE accounts IS 'Accounts of customers and staff: one row per account (processing group "accounts"); personal data';
COMMENT ON COLUMN accounts.account_id IS 'the account, also the sub of its access tokens and the customer_subject of its orders';
COMMENT ON COLUMN accounts.role IS 'CUSTOMER, VENDOR (vendor staff), AUDITOR, ANALYST or SUPPORT';
COMMENT ON COLUMN accounts.vendor_id IS 'the vendor a VENDOR account acts for';
COMMENT ON COLUMN accounts.language IS 'en or ar: the language of its mails';
COMMENT ON COLUMN accounts.addresses IS '[{"label","recipient","phone","line1","line2","city","postalCode","country"}]';
COMMENT ON COLUMN accounts.created_by IS 'subject of the administrator or vendor staff who created a staff account; NULL for customers';
COMMENT ON COLUMN accounts.password_changed_at IS 'when the password was last set, reset or changed (never the password)';
COMMENT ON COLUMN accounts.version IS 'Sequence number of the last Account event applied';
