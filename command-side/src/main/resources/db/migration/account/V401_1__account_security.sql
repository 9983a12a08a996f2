-- What signing in needs and the event store must not keep: password hashes, single-use tokens, refresh tokens,
-- abuse counters and the mail outbox. Written by the command side directly (not projected), deleted with a person.

CREATE TABLE account_credentials (
    account_id     uuid PRIMARY KEY,
    email          text        NOT NULL,
    display_name   text        NOT NULL,
    password_hash  text,
    role           text        NOT NULL,
    vendor_id      uuid,
    language       text        NOT NULL,
    email_verified boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT account_credentials_email_unique UNIQUE (email)
);
COMMENT ON TABLE account_credentials IS 'One row per account: how it signs in. Personal data (email).';
COMMENT ON COLUMN account_credentials.email IS 'lower-cased email, unique: the sign-in name';
COMMENT ON COLUMN account_credentials.display_name IS 'the name its mails greet';
COMMENT ON COLUMN account_credentials.password_hash IS 'Argon2id hash ({argon2} prefix); NULL until an invited staff member sets a password';
COMMENT ON COLUMN account_credentials.role IS 'CUSTOMER, VENDOR, AUDITOR, ANALYST or SUPPORT: the role of its access tokens';
COMMENT ON COLUMN account_credentials.vendor_id IS 'the vendor a VENDOR account acts for (its tokens'' vendorId claim)';
COMMENT ON COLUMN account_credentials.language IS 'en or ar: the language of its mails';

CREATE TABLE account_tokens (
    token_hash bytea PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account_credentials ON DELETE CASCADE,
    purpose    text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_tokens_account ON account_tokens (account_id);
COMMENT ON TABLE account_tokens IS 'Single-use mailed tokens (only their SHA-256 is kept): VERIFY_EMAIL, RESET_PASSWORD';

CREATE TABLE refresh_tokens (
    token_hash     bytea PRIMARY KEY,
    family_id      uuid        NOT NULL,
    account_id     uuid        NOT NULL REFERENCES account_credentials ON DELETE CASCADE,
    issued_at      timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);
COMMENT ON TABLE refresh_tokens IS 'Refresh tokens (SHA-256 only), one family per sign-in; each refresh uses one and issues the next; a used one presented again revokes its family';
COMMENT ON COLUMN refresh_tokens.revoked_reason IS 'SIGNED_OUT, REUSED, PASSWORD_CHANGED';

CREATE TABLE rate_limit_windows (
    bucket            text PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    hits              integer     NOT NULL
);
COMMENT ON TABLE rate_limit_windows IS 'Fixed-window counters of sign-in, registration and reset attempts, shared by every instance; bucket = SHA-256 of the limit and its key (client address or email), so no address or email is stored';

CREATE TABLE mail_outbox (
    mail_id         uuid PRIMARY KEY,
    dedup_key       text        NOT NULL,
    account_id      uuid,
    recipient       text        NOT NULL,
    template        text        NOT NULL,
    language        text        NOT NULL,
    subject         text        NOT NULL,
    body            text,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    CONSTRAINT mail_outbox_dedup UNIQUE (dedup_key)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
COMMENT ON TABLE mail_outbox IS 'Mails to send, written in the transaction that decided them and sent by the relay over SMTP; the body (which may hold a token) is cleared once sent';
COMMENT ON COLUMN mail_outbox.template IS 'verify-email, password-reset, staff-invitation, registration-attempt, order-confirmation';
