-- vendors: one row per vendor, fed by the "vendors" processing group from the Vendor aggregate's events.
-- version is the sequence number of the last event applied: a redelivered event (version not greater) changes
-- nothing, which makes every write idempotent.
CREATE TABLE vendors (
    vendor_id         UUID         PRIMARY KEY,
    display_name      VARCHAR(120) NOT NULL,
    legal_name        VARCHAR(200) NOT NULL,
    country           CHAR(2)      NOT NULL,
    currency          CHAR(3)      NOT NULL,
    contact_email     VARCHAR(254) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    status_reason     VARCHAR(500),
    commission_plan   JSONB        NOT NULL,
    kyc_documents     JSONB        NOT NULL DEFAULT '[]',
    applicant_subject VARCHAR(255) NOT NULL,
    applied_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    version           BIGINT       NOT NULL
);
CREATE INDEX vendors_status_applied ON vendors (status, applied_at DESC);
CREATE INDEX vendors_applied ON vendors (applied_at DESC);
CREATE INDEX vendors_applicant ON vendors (applicant_subject);

COMMENT ON TABLE vendors IS 'Vendor directory: one row per vendor (processing group "vendors")';
COMMENT ON COLUMN vendors.commission_plan IS '{"defaultRate": bp, "categoryRates": {"category": bp}}, basis points';
COMMENT ON COLUMN vendors.version IS 'Sequence number of the last Vendor event applied';
