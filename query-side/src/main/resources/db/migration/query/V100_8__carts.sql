-- carts, cart_lines: each customer's open cart, fed by the "carts" processing group from the Cart aggregate's events.
-- carts.version is the sequence number of the last Cart event applied: a redelivered event (version not greater)
-- changes nothing. A customer has one cart for good; checking out empties it.
CREATE TABLE carts (
    cart_id             UUID         PRIMARY KEY,
    customer_subject    VARCHAR(255) NOT NULL,
    last_order_id       UUID,
    last_checked_out_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL
);

CREATE TABLE cart_lines (
    cart_id          UUID        NOT NULL,
    listing_id       UUID        NOT NULL,
    vendor_id        UUID        NOT NULL,
    quantity         INTEGER     NOT NULL,
    unit_price_minor BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    added_at         TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (cart_id, listing_id)
);

COMMENT ON TABLE carts IS 'One row per customer who ever filled a cart (processing group "carts")';
COMMENT ON COLUMN carts.cart_id IS 'The cart, derived from the customer''s subject (one cart per customer)';
COMMENT ON COLUMN carts.customer_subject IS 'Subject (sign-in id) of the customer';
COMMENT ON COLUMN carts.last_order_id IS 'Order the cart was last checked out into; NULL if never';
COMMENT ON COLUMN carts.last_checked_out_at IS 'When the cart was last checked out; NULL if never';
COMMENT ON COLUMN carts.created_at IS 'When the first line entered the cart';
COMMENT ON COLUMN carts.updated_at IS 'Time of the last event applied';
COMMENT ON COLUMN carts.version IS 'Sequence number of the last Cart event applied';

COMMENT ON TABLE cart_lines IS 'Lines of the open carts; checkout removes them (processing group "carts")';
COMMENT ON COLUMN cart_lines.vendor_id IS 'Vendor selling the listing';
COMMENT ON COLUMN cart_lines.quantity IS 'Items of the listing in the cart';
COMMENT ON COLUMN cart_lines.unit_price_minor IS 'Unit price net of VAT the customer saw (updated when a checkout '
    'found a new price), minor units of currency';
COMMENT ON COLUMN cart_lines.currency IS 'ISO 4217 currency of unit_price_minor (one currency per cart)';
COMMENT ON COLUMN cart_lines.added_at IS 'When the listing entered the cart';
COMMENT ON COLUMN cart_lines.updated_at IS 'When the line last changed';
