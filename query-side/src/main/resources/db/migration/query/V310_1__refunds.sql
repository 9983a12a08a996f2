-- refunds: one row per refund of a vendor order, fed by the "refunds" processing group from the VendorOrder's refund
-- events (requested, approved, rejected) and the Payment's (refunding, refunded, refund failed). The group handles its
-- events in one sequence; order_version and payment_version are the sequence numbers of the last VendorOrder and
-- Payment event applied, so a redelivered event (version not greater) changes nothing.
CREATE TABLE refunds (
    refund_id           UUID         PRIMARY KEY,
    order_id            UUID         NOT NULL,
    vendor_order_id     UUID         NOT NULL,
    vendor_id           UUID         NOT NULL,
    customer_subject    VARCHAR(255) NOT NULL,
    payment_id          UUID,
    status              VARCHAR(16)  NOT NULL,
    automatic           BOOLEAN      NOT NULL DEFAULT FALSE,
    amount_minor        BIGINT       NOT NULL,
    currency            CHAR(3)      NOT NULL,
    lines               JSONB        NOT NULL DEFAULT '[]',
    requested_destination VARCHAR(24) NOT NULL,
    destination         VARCHAR(24)  NOT NULL,
    restock             BOOLEAN      NOT NULL DEFAULT FALSE,
    reason              TEXT,
    requested_by        VARCHAR(255),
    decided_by          VARCHAR(255),
    rejection_reason    TEXT,
    provider            VARCHAR(32),
    provider_reference  TEXT,
    failure_reason      TEXT,
    requested_at        TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ,
    refunded_at         TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ  NOT NULL,
    order_version       BIGINT       NOT NULL DEFAULT -1,
    payment_version     BIGINT       NOT NULL DEFAULT -1
);
-- An order's refunds (GET /api/v1/orders/{id}/refunds, the order view) and a vendor's (its refunds to decide).
CREATE INDEX refunds_order ON refunds (order_id, updated_at DESC);
CREATE INDEX refunds_vendor ON refunds (vendor_id, status, updated_at DESC);

COMMENT ON TABLE refunds IS 'Refunds of vendor orders: one row per refund (processing group "refunds")';
COMMENT ON COLUMN refunds.refund_id IS 'The refund; an automatic refund''s id derives from its vendor order';
COMMENT ON COLUMN refunds.order_id IS 'The order of the refunded vendor order';
COMMENT ON COLUMN refunds.vendor_order_id IS 'The vendor order (one vendor''s share of the order) refunded';
COMMENT ON COLUMN refunds.vendor_id IS 'The vendor whose share is refunded';
COMMENT ON COLUMN refunds.customer_subject IS 'Subject (sign-in id) of the order''s customer, who gets the money';
COMMENT ON COLUMN refunds.payment_id IS 'The payment refunded; NULL until the refund is approved';
COMMENT ON COLUMN refunds.status IS 'REQUESTED, REJECTED, APPROVED, REFUNDING (with the provider), REFUNDED';
COMMENT ON COLUMN refunds.automatic IS 'TRUE for the refund of what was left of a rejected or cancelled vendor order';
COMMENT ON COLUMN refunds.amount_minor IS 'Amount refunded (goods, their VAT, or any amount), minor units of currency';
COMMENT ON COLUMN refunds.currency IS 'ISO 4217 currency of amount_minor';
COMMENT ON COLUMN refunds.lines IS 'Items refunded: [{"listingId","quantity"}]; empty for a refund of an amount';
COMMENT ON COLUMN refunds.requested_destination IS 'Where the money was asked to go: ORIGINAL_PAYMENT or CUSTOMER_WALLET';
COMMENT ON COLUMN refunds.destination IS 'Where it goes: CUSTOMER_WALLET also when the provider refused the refund';
COMMENT ON COLUMN refunds.restock IS 'Whether the returned items go back to stock';
COMMENT ON COLUMN refunds.reason IS 'Why the customer asked (or why the vendor order was rejected or cancelled)';
COMMENT ON COLUMN refunds.requested_by IS 'Subject who asked: the customer, or NULL when staff asked for them';
COMMENT ON COLUMN refunds.decided_by IS 'Subject who approved or rejected it (NULL: the engine)';
COMMENT ON COLUMN refunds.rejection_reason IS 'Why it was rejected (RETURN_WINDOW_CLOSED..., whole share refunded)';
COMMENT ON COLUMN refunds.provider IS 'Provider of the refunded payment: SANDBOX, STRIPE, ...';
COMMENT ON COLUMN refunds.provider_reference IS 'The provider''s refund (a Stripe re_...), or customer-wallet';
COMMENT ON COLUMN refunds.failure_reason IS 'Why the provider refused the refund (then it went to the wallet)';
COMMENT ON COLUMN refunds.requested_at IS 'When the customer asked; NULL for an automatic refund';
COMMENT ON COLUMN refunds.decided_at IS 'When it was approved or rejected';
COMMENT ON COLUMN refunds.refunded_at IS 'When the money reached the provider refund or the customer''s wallet';
COMMENT ON COLUMN refunds.order_version IS 'Sequence number of the last VendorOrder event applied';
COMMENT ON COLUMN refunds.payment_version IS 'Sequence number of the last Payment event applied';
