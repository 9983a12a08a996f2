-- orders, order_lines: the customers' order history, fed by the "orders" processing group from the Order aggregate's
-- events and, for the payment status, the Payment aggregate's. orders.version is the sequence number of the last
-- Order event applied and orders.payment_version that of the last Payment event: a redelivered event (version not
-- greater) changes nothing, which makes every write idempotent. Money is in minor units of the row's currency.
CREATE TABLE orders (
    order_id                  UUID         PRIMARY KEY,
    customer_subject          VARCHAR(255) NOT NULL,
    cart_id                   UUID         NOT NULL,
    status                    VARCHAR(20)  NOT NULL,
    currency                  CHAR(3)      NOT NULL,
    subtotal_minor            BIGINT       NOT NULL,
    shipping_minor            BIGINT       NOT NULL,
    vat_minor                 BIGINT       NOT NULL,
    grand_total_minor         BIGINT       NOT NULL,
    vat_rate_bp               INTEGER      NOT NULL,
    line_count                INTEGER      NOT NULL,
    item_count                INTEGER      NOT NULL,
    vendor_count              INTEGER      NOT NULL,
    ship_to_country           CHAR(2)      NOT NULL,
    shipping_address          JSONB        NOT NULL,
    payment_provider          VARCHAR(32)  NOT NULL,
    payment_id                UUID,
    payment_status            VARCHAR(20),
    paid_minor                BIGINT,
    cancellation_party        VARCHAR(16),
    cancellation_subject      VARCHAR(255),
    cancellation_reason       TEXT,
    cancelled_after_payment   BOOLEAN,
    placed_at                 TIMESTAMPTZ  NOT NULL,
    paid_at                   TIMESTAMPTZ,
    cancellation_requested_at TIMESTAMPTZ,
    cancelled_at              TIMESTAMPTZ,
    completed_at              TIMESTAMPTZ,
    updated_at                TIMESTAMPTZ  NOT NULL,
    version                   BIGINT       NOT NULL,
    payment_version           BIGINT       NOT NULL DEFAULT -1
);
-- A customer's history, newest first (GET /api/v1/orders).
CREATE INDEX orders_customer_placed ON orders (customer_subject, placed_at DESC, order_id);

CREATE TABLE order_lines (
    order_id         UUID    NOT NULL,
    line_number      INTEGER NOT NULL,
    listing_id       UUID    NOT NULL,
    vendor_id        UUID    NOT NULL,
    quantity         INTEGER NOT NULL,
    unit_price_minor BIGINT  NOT NULL,
    line_total_minor BIGINT  NOT NULL,
    vat_minor        BIGINT,
    currency         CHAR(3) NOT NULL,
    PRIMARY KEY (order_id, line_number)
);

COMMENT ON TABLE orders IS 'Customer order history: one row per order (processing group "orders")';
COMMENT ON COLUMN orders.customer_subject IS 'Subject (sign-in id) of the customer who placed the order';
COMMENT ON COLUMN orders.cart_id IS 'The cart the order was checked out from';
COMMENT ON COLUMN orders.status IS 'PLACED, STOCK_RESERVED, PAYMENT_PENDING, PAID, COMPLETED or CANCELLED';
COMMENT ON COLUMN orders.currency IS 'ISO 4217 currency of every *_minor column of the row';
COMMENT ON COLUMN orders.subtotal_minor IS 'Sum of the lines (unit price x quantity, net of VAT), minor units';
COMMENT ON COLUMN orders.shipping_minor IS 'Shipping fees of all vendors, net of VAT, minor units';
COMMENT ON COLUMN orders.vat_minor IS 'VAT on lines and shipping, minor units';
COMMENT ON COLUMN orders.grand_total_minor IS 'What the customer pays: subtotal + shipping + VAT, minor units';
COMMENT ON COLUMN orders.vat_rate_bp IS 'VAT rate of the shipping country, basis points (1400 = 14 %)';
COMMENT ON COLUMN orders.line_count IS 'Number of order lines (distinct listings)';
COMMENT ON COLUMN orders.item_count IS 'Number of items: the sum of the lines'' quantities';
COMMENT ON COLUMN orders.vendor_count IS 'Number of vendors the order buys from (one vendor order each once paid)';
COMMENT ON COLUMN orders.ship_to_country IS 'ISO 3166-1 alpha-2 country shipped to';
COMMENT ON COLUMN orders.shipping_address IS 'Personal data: {"recipient", "phone", "line1", "line2", "city", '
    '"postalCode", "country"}';
COMMENT ON COLUMN orders.payment_provider IS 'Provider the customer chose at checkout: SANDBOX, STRIPE, ...';
COMMENT ON COLUMN orders.payment_id IS 'The payment of the order; NULL until payment is requested';
COMMENT ON COLUMN orders.payment_status IS 'INITIATED, REQUIRES_ACTION, AUTHORIZED, CAPTURING, CAPTURED, FAILED or '
    'CANCELLED (as in payments.status); NULL until payment is requested';
COMMENT ON COLUMN orders.paid_minor IS 'Amount captured when the order was paid, minor units; NULL before';
COMMENT ON COLUMN orders.cancellation_party IS 'Who cancelled or asked to cancel: CUSTOMER, VENDOR, STAFF or CHECKOUT';
COMMENT ON COLUMN orders.cancellation_subject IS 'Subject of whoever cancelled, when a person did';
COMMENT ON COLUMN orders.cancelled_after_payment IS 'TRUE when the order was cancelled after its payment was taken '
    '(refunds follow); NULL unless cancelled';
COMMENT ON COLUMN orders.cancellation_requested_at IS 'When cancelling a paid order was asked for; its vendor orders '
    'are cancelled one by one';
COMMENT ON COLUMN orders.updated_at IS 'Time of the last event applied to the row';
COMMENT ON COLUMN orders.version IS 'Sequence number of the last Order event applied';
COMMENT ON COLUMN orders.payment_version IS 'Sequence number of the last Payment event applied; -1 before any';

COMMENT ON TABLE order_lines IS 'Lines of each order as checked out (processing group "orders")';
COMMENT ON COLUMN order_lines.line_number IS 'Position of the line in the order, from 1';
COMMENT ON COLUMN order_lines.vendor_id IS 'Vendor selling the listing';
COMMENT ON COLUMN order_lines.unit_price_minor IS 'Unit price net of VAT the customer saw, minor units of currency';
COMMENT ON COLUMN order_lines.line_total_minor IS 'unit_price_minor x quantity, minor units of currency';
COMMENT ON COLUMN order_lines.vat_minor IS 'VAT of the line, rounded half-even, minor units of currency';
COMMENT ON COLUMN order_lines.currency IS 'ISO 4217 currency of the line (that of its order)';
