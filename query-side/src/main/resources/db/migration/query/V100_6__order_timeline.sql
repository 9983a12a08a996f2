-- order_timeline: everything that happened to an order, its vendor orders, its payment and its stock reservations,
-- one row per event, fed by the "order-timeline" processing group. Keyed by the event's identifier: a redelivered
-- event changes nothing.
CREATE TABLE order_timeline (
    event_id           VARCHAR(255) PRIMARY KEY,
    order_id           UUID         NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    store_position     BIGINT,
    aggregate_type     VARCHAR(32)  NOT NULL,
    aggregate_id       UUID         NOT NULL,
    aggregate_sequence BIGINT       NOT NULL,
    event_type         VARCHAR(64)  NOT NULL,
    description        TEXT         NOT NULL,
    actor              VARCHAR(20)  NOT NULL,
    actor_subject      VARCHAR(255),
    vendor_id          UUID
);
-- An order's timeline in the order things happened (GET /api/v1/orders/{id}).
CREATE INDEX order_timeline_order ON order_timeline (order_id, occurred_at, store_position);

COMMENT ON TABLE order_timeline IS 'What happened to each order, one row per event of the order, its vendor orders, '
    'its payment and its stock reservations (processing group "order-timeline")';
COMMENT ON COLUMN order_timeline.event_id IS 'Identifier of the event in the event store (domainevententry.eventidentifier)';
COMMENT ON COLUMN order_timeline.occurred_at IS 'When the event was recorded';
COMMENT ON COLUMN order_timeline.store_position IS 'Global index of the event in the store: orders events that share '
    'a timestamp; NULL when unknown';
COMMENT ON COLUMN order_timeline.aggregate_type IS 'What the event happened to: Order, VendorOrder, Payment or Listing';
COMMENT ON COLUMN order_timeline.aggregate_id IS 'Identifier of that order, vendor order, payment or listing';
COMMENT ON COLUMN order_timeline.aggregate_sequence IS 'Sequence number of the event within its aggregate';
COMMENT ON COLUMN order_timeline.event_type IS 'The event''s name without "Event": OrderPlaced, VendorOrderShipped, '
    'PaymentCaptured, StockReserved, ...';
COMMENT ON COLUMN order_timeline.description IS 'One line for people, in English';
COMMENT ON COLUMN order_timeline.actor IS 'Who made it happen: CUSTOMER, VENDOR, STAFF, PAYMENT_PROVIDER or ENGINE '
    '(checkout, order splitting and the other processes)';
COMMENT ON COLUMN order_timeline.actor_subject IS 'Subject of the person who acted, when known';
COMMENT ON COLUMN order_timeline.vendor_id IS 'The vendor concerned, for events of a vendor order or a listing';
