-- One row per (caller, Idempotency-Key): the request it was first used for and, once done, the response that
-- every repeat of that request gets back.
CREATE TABLE idempotency_key (
    subject             VARCHAR(255) NOT NULL,
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint CHAR(64)     NOT NULL,
    state               VARCHAR(16)  NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    response_status     INTEGER,
    response_location   TEXT,
    response_body       TEXT,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at        TIMESTAMPTZ,
    PRIMARY KEY (subject, idempotency_key)
);
