-- payments: one row per payment of an order, fed by the "payments" processing group from the Payment aggregate's
-- events. version is the sequence number of the last Payment event applied: a redelivered event (version not greater)
-- changes nothing.
CREATE TABLE payments (
    payment_id           UUID         PRIMARY KEY,
    order_id             UUID         NOT NULL,
    customer_subject     VARCHAR(255) NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    provider             VARCHAR(32)  NOT NULL,
    method               TEXT         NOT NULL,
    provider_reference   TEXT,
    amount_minor         BIGINT       NOT NULL,
    currency             CHAR(3)      NOT NULL,
    authorized_minor     BIGINT,
    captured_minor       BIGINT,
    next_action_url      TEXT,
    failure_reason       TEXT,
    cancellation_reason  TEXT,
    requested_at         TIMESTAMPTZ  NOT NULL,
    action_required_at   TIMESTAMPTZ,
    authorized_at        TIMESTAMPTZ,
    capture_requested_at TIMESTAMPTZ,
    captured_at          TIMESTAMPTZ,
    failed_at            TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ  NOT NULL,
    version              BIGINT       NOT NULL
);
-- The payment of an order (GET /api/v1/orders/{id}/payment).
CREATE INDEX payments_order ON payments (order_id, requested_at DESC);

COMMENT ON TABLE payments IS 'Payments of orders: one row per payment (processing group "payments")';
COMMENT ON COLUMN payments.customer_subject IS 'Subject (sign-in id) of the paying customer';
COMMENT ON COLUMN payments.status IS 'INITIATED, REQUIRES_ACTION, AUTHORIZED, CAPTURING, CAPTURED, FAILED or CANCELLED';
COMMENT ON COLUMN payments.provider IS 'Who moves the money: SANDBOX, STRIPE, ...';
COMMENT ON COLUMN payments.method IS 'The provider''s token of the payment method (Stripe pm_..., sandbox outcome)';
COMMENT ON COLUMN payments.provider_reference IS 'The provider''s id of the payment (a Stripe PaymentIntent id); '
    'NULL until the provider answered';
COMMENT ON COLUMN payments.amount_minor IS 'Amount asked for (the order''s grand total), minor units of currency';
COMMENT ON COLUMN payments.currency IS 'ISO 4217 currency of every *_minor column of the row';
COMMENT ON COLUMN payments.authorized_minor IS 'Amount the provider holds, minor units; NULL until authorized';
COMMENT ON COLUMN payments.captured_minor IS 'Amount taken, minor units; NULL until captured';
COMMENT ON COLUMN payments.next_action_url IS 'Where the shopper completes an extra step, while REQUIRES_ACTION';
COMMENT ON COLUMN payments.failure_reason IS 'Why the provider declined, when FAILED';
COMMENT ON COLUMN payments.cancellation_reason IS 'Why the engine gave up on the payment, when CANCELLED';
COMMENT ON COLUMN payments.updated_at IS 'Time of the last event applied to the row';
COMMENT ON COLUMN payments.version IS 'Sequence number of the last Payment event applied';
