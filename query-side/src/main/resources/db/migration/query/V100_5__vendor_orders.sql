-- vendor_orders, vendor_order_lines: each vendor's share of a paid order (the vendor dashboard), fed by the
-- "vendor-orders" processing group from the VendorOrder aggregate's events. vendor_orders.version is the sequence
-- number of the last VendorOrder event applied: a redelivered event (version not greater) changes nothing.
CREATE TABLE vendor_orders (
    vendor_order_id    UUID         PRIMARY KEY,
    order_id           UUID         NOT NULL,
    vendor_id          UUID         NOT NULL,
    customer_subject   VARCHAR(255) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    currency           CHAR(3)      NOT NULL,
    subtotal_minor     BIGINT       NOT NULL,
    shipping_minor     BIGINT       NOT NULL,
    shipping_vat_minor BIGINT       NOT NULL,
    vat_minor          BIGINT       NOT NULL,
    total_minor        BIGINT       NOT NULL,
    line_count         INTEGER      NOT NULL,
    item_count         INTEGER      NOT NULL,
    ship_to_country    CHAR(2)      NOT NULL,
    shipping_address   JSONB        NOT NULL,
    carrier            TEXT,
    tracking_reference TEXT,
    closing_party      VARCHAR(16),
    closing_subject    VARCHAR(255),
    closing_reason     TEXT,
    refund_due_minor   BIGINT,
    created_at         TIMESTAMPTZ  NOT NULL,
    accepted_at        TIMESTAMPTZ,
    shipped_at         TIMESTAMPTZ,
    delivered_at       TIMESTAMPTZ,
    closed_at          TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
-- A vendor's incoming vendor orders, newest first, in every status or in one (GET /api/v1/vendors/{id}/orders).
CREATE INDEX vendor_orders_vendor_created ON vendor_orders (vendor_id, created_at DESC, vendor_order_id);
CREATE INDEX vendor_orders_vendor_status_created ON vendor_orders (vendor_id, status, created_at DESC,
                                                                   vendor_order_id);
-- The vendor orders of one order (order views and the customer's history).
CREATE INDEX vendor_orders_order ON vendor_orders (order_id);

CREATE TABLE vendor_order_lines (
    vendor_order_id  UUID    NOT NULL,
    line_number      INTEGER NOT NULL,
    listing_id       UUID    NOT NULL,
    quantity         INTEGER NOT NULL,
    unit_price_minor BIGINT  NOT NULL,
    line_total_minor BIGINT  NOT NULL,
    vat_minor        BIGINT,
    currency         CHAR(3) NOT NULL,
    PRIMARY KEY (vendor_order_id, line_number)
);

COMMENT ON TABLE vendor_orders IS 'One vendor''s share of a paid order: one row per order and vendor (processing '
    'group "vendor-orders")';
COMMENT ON COLUMN vendor_orders.customer_subject IS 'Subject (sign-in id) of the customer who placed the order';
COMMENT ON COLUMN vendor_orders.status IS 'CREATED, ACCEPTED, SHIPPED, DELIVERED, REJECTED or CANCELLED';
COMMENT ON COLUMN vendor_orders.currency IS 'ISO 4217 currency of every *_minor column of the row';
COMMENT ON COLUMN vendor_orders.subtotal_minor IS 'Sum of the vendor''s lines, net of VAT, minor units';
COMMENT ON COLUMN vendor_orders.shipping_minor IS 'The vendor''s shipping fee, net of VAT, minor units';
COMMENT ON COLUMN vendor_orders.shipping_vat_minor IS 'VAT on the shipping fee, minor units';
COMMENT ON COLUMN vendor_orders.vat_minor IS 'VAT on lines and shipping (includes shipping_vat_minor), minor units';
COMMENT ON COLUMN vendor_orders.total_minor IS 'subtotal + shipping + VAT: what the customer paid for this share';
COMMENT ON COLUMN vendor_orders.line_count IS 'Number of lines (distinct listings)';
COMMENT ON COLUMN vendor_orders.item_count IS 'Number of items: the sum of the lines'' quantities';
COMMENT ON COLUMN vendor_orders.ship_to_country IS 'ISO 3166-1 alpha-2 country shipped to';
COMMENT ON COLUMN vendor_orders.shipping_address IS 'Personal data: {"recipient", "phone", "line1", "line2", "city", '
    '"postalCode", "country"}';
COMMENT ON COLUMN vendor_orders.carrier IS 'Carrier the share was handed to; NULL until shipped';
COMMENT ON COLUMN vendor_orders.tracking_reference IS 'The carrier''s tracking reference; NULL until shipped';
COMMENT ON COLUMN vendor_orders.closing_party IS 'Who ended the share without delivery: VENDOR for a rejection, '
    'CUSTOMER, VENDOR, STAFF or CHECKOUT for a cancellation';
COMMENT ON COLUMN vendor_orders.closing_subject IS 'Subject of whoever cancelled, when a person did';
COMMENT ON COLUMN vendor_orders.closing_reason IS 'Why the share was rejected or cancelled';
COMMENT ON COLUMN vendor_orders.refund_due_minor IS 'Owed back to the customer after a rejection or cancellation, '
    'minor units; NULL otherwise';
COMMENT ON COLUMN vendor_orders.closed_at IS 'When the share was rejected or cancelled';
COMMENT ON COLUMN vendor_orders.updated_at IS 'Time of the last event applied to the row';
COMMENT ON COLUMN vendor_orders.version IS 'Sequence number of the last VendorOrder event applied';

COMMENT ON TABLE vendor_order_lines IS 'Lines of each vendor order (processing group "vendor-orders")';
COMMENT ON COLUMN vendor_order_lines.line_number IS 'Position of the line in the vendor order, from 1';
COMMENT ON COLUMN vendor_order_lines.unit_price_minor IS 'Unit price net of VAT, minor units of currency';
COMMENT ON COLUMN vendor_order_lines.line_total_minor IS 'unit_price_minor x quantity, minor units of currency';
COMMENT ON COLUMN vendor_order_lines.vat_minor IS 'VAT of the line, rounded half-even, minor units of currency';
COMMENT ON COLUMN vendor_order_lines.currency IS 'ISO 4217 currency of the line';
