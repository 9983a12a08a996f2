-- Read models for analysts, designed for SQL: fact tables kept by three processing groups (analytics-sales,
-- analytics-orders, analytics-vendor-performance) and daily views over them. Money columns are bigint minor units
-- (piastres, halalas, cents) of the row's currency (char(3), ISO 4217); times are timestamptz; days (date) are UTC.
-- Every fact row is keyed by what it describes (a vendor order's line, a journal entry, an order, a cart session, a
-- vendor order), so a redelivered or replayed event changes nothing.

-- analytics-sales ---------------------------------------------------------------------------------------------------
CREATE TABLE analytics_listings (
    listing_id UUID        PRIMARY KEY,
    vendor_id  UUID        NOT NULL,
    category   VARCHAR(64) NOT NULL,
    title      TEXT,
    version    BIGINT      NOT NULL
);

CREATE TABLE analytics_sale_lines (
    vendor_order_id  UUID        NOT NULL,
    line_no          INTEGER     NOT NULL,
    order_id         UUID        NOT NULL,
    vendor_id        UUID        NOT NULL,
    listing_id       UUID        NOT NULL,
    category         VARCHAR(64) NOT NULL,
    quantity         INTEGER     NOT NULL,
    unit_price_minor BIGINT      NOT NULL,
    line_total_minor BIGINT      NOT NULL,
    vat_minor        BIGINT      NOT NULL,
    commission_minor BIGINT,
    currency         CHAR(3)     NOT NULL,
    sold_at          TIMESTAMPTZ NOT NULL,
    sold_on          DATE        NOT NULL,
    PRIMARY KEY (vendor_order_id, line_no)
);
CREATE INDEX analytics_sale_lines_day ON analytics_sale_lines (sold_on, vendor_id, category);
CREATE INDEX analytics_sale_lines_listing ON analytics_sale_lines (listing_id, sold_on);

CREATE TABLE analytics_share_commission (
    vendor_order_id      UUID        PRIMARY KEY,
    entry_id             UUID        NOT NULL,
    rates                JSONB       NOT NULL,
    commission_minor     BIGINT      NOT NULL,
    commission_vat_minor BIGINT      NOT NULL,
    currency             CHAR(3)     NOT NULL,
    captured_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE analytics_refunds (
    entry_id        UUID        NOT NULL,
    category        VARCHAR(64) NOT NULL,
    operation_kind  VARCHAR(32) NOT NULL,
    vendor_order_id UUID        NOT NULL,
    order_id        UUID,
    vendor_id       UUID        NOT NULL,
    amount_minor    BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    refunded_at     TIMESTAMPTZ NOT NULL,
    refunded_on     DATE        NOT NULL,
    PRIMARY KEY (entry_id, category)
);
CREATE INDEX analytics_refunds_day ON analytics_refunds (refunded_on, vendor_id, category);

CREATE VIEW analytics_daily_sales AS
WITH sales AS (
    SELECT sold_on AS day, vendor_id, category, currency, count(DISTINCT vendor_order_id) AS orders,
           sum(quantity) AS items, sum(line_total_minor) AS gmv_minor, sum(vat_minor) AS tax_minor,
           sum(coalesce(commission_minor, 0)) AS commission_minor,
           count(*) FILTER (WHERE commission_minor IS NULL) AS lines_awaiting_commission
      FROM analytics_sale_lines GROUP BY 1, 2, 3, 4),
refunds AS (
    SELECT refunded_on AS day, vendor_id, category, currency, sum(amount_minor) AS refunds_minor
      FROM analytics_refunds GROUP BY 1, 2, 3, 4)
SELECT day, vendor_id, category, currency,
       coalesce(s.orders, 0)::BIGINT AS orders, coalesce(s.items, 0)::BIGINT AS items,
       coalesce(s.gmv_minor, 0)::BIGINT AS gmv_minor, coalesce(s.commission_minor, 0)::BIGINT AS commission_minor,
       coalesce(s.tax_minor, 0)::BIGINT AS tax_minor, coalesce(r.refunds_minor, 0)::BIGINT AS refunds_minor,
       coalesce(s.lines_awaiting_commission, 0)::BIGINT AS lines_awaiting_commission
  FROM sales s FULL JOIN refunds r USING (day, vendor_id, category, currency);

-- analytics-orders --------------------------------------------------------------------------------------------------
CREATE TABLE analytics_orders (
    order_id          UUID        PRIMARY KEY,
    customer_subject  TEXT        NOT NULL,
    currency          CHAR(3)     NOT NULL,
    item_count        INTEGER     NOT NULL,
    vendor_count      INTEGER     NOT NULL,
    grand_total_minor BIGINT      NOT NULL,
    placed_at         TIMESTAMPTZ NOT NULL,
    placed_on         DATE        NOT NULL,
    paid_at           TIMESTAMPTZ,
    paid_on           DATE,
    cancelled_at      TIMESTAMPTZ
);
CREATE INDEX analytics_orders_paid ON analytics_orders (paid_on, currency);

CREATE TABLE analytics_carts (
    cart_id UUID   PRIMARY KEY,
    version BIGINT NOT NULL
);

CREATE TABLE analytics_cart_sessions (
    cart_id          UUID        NOT NULL,
    session_no       INTEGER     NOT NULL,
    customer_subject TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    started_on       DATE        NOT NULL,
    checked_out_at   TIMESTAMPTZ,
    order_id         UUID,
    PRIMARY KEY (cart_id, session_no)
);
CREATE INDEX analytics_cart_sessions_day ON analytics_cart_sessions (started_on);

CREATE VIEW analytics_daily_orders AS
SELECT paid_on AS day, currency, count(*)::BIGINT AS orders, sum(item_count)::BIGINT AS items,
       sum(grand_total_minor)::BIGINT AS revenue_minor,
       round(avg(grand_total_minor))::BIGINT AS average_order_value_minor
  FROM analytics_orders WHERE paid_on IS NOT NULL GROUP BY 1, 2;

CREATE VIEW analytics_daily_conversion AS
SELECT started_on AS day, count(*)::BIGINT AS carts_started,
       count(*) FILTER (WHERE checked_out_at IS NOT NULL)::BIGINT AS carts_checked_out,
       count(o.paid_at)::BIGINT AS orders_paid,
       round(count(*) FILTER (WHERE checked_out_at IS NOT NULL)::NUMERIC / count(*), 4) AS checkout_rate,
       round(count(o.paid_at)::NUMERIC / count(*), 4) AS conversion_rate
  FROM analytics_cart_sessions s LEFT JOIN analytics_orders o ON o.order_id = s.order_id
 GROUP BY 1;

-- analytics-vendor-performance --------------------------------------------------------------------------------------
CREATE TABLE analytics_vendor_orders (
    vendor_order_id UUID        PRIMARY KEY,
    vendor_id       UUID        NOT NULL,
    order_id        UUID        NOT NULL,
    currency        CHAR(3)     NOT NULL,
    total_minor     BIGINT      NOT NULL,
    item_count      INTEGER     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_on      DATE        NOT NULL,
    accepted_at     TIMESTAMPTZ,
    rejected_at     TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    shipped_at      TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX analytics_vendor_orders_day ON analytics_vendor_orders (created_on, vendor_id);

CREATE VIEW analytics_vendor_performance AS
SELECT created_on AS day, vendor_id, count(*)::BIGINT AS vendor_orders,
       count(accepted_at)::BIGINT AS accepted, count(rejected_at)::BIGINT AS rejected,
       count(cancelled_at)::BIGINT AS cancelled, count(shipped_at)::BIGINT AS shipped,
       count(delivered_at)::BIGINT AS delivered,
       round(count(accepted_at)::NUMERIC / nullif(count(accepted_at) + count(rejected_at), 0), 4) AS acceptance_rate,
       round(avg(EXTRACT(EPOCH FROM accepted_at - created_at)))::BIGINT AS avg_seconds_to_accept,
       round(avg(EXTRACT(EPOCH FROM shipped_at - created_at)))::BIGINT AS avg_seconds_to_ship
  FROM analytics_vendor_orders GROUP BY 1, 2;

COMMENT ON TABLE analytics_listings IS 'Category and title of every listing, as analytics-sales needs them';
COMMENT ON TABLE analytics_sale_lines IS 'One row per line of a vendor order (a paid order split per vendor), '
    'group analytics-sales';
COMMENT ON COLUMN analytics_sale_lines.line_total_minor IS 'unit price x quantity, net of VAT (the GMV of the line)';
COMMENT ON COLUMN analytics_sale_lines.vat_minor IS 'VAT the customer paid on the line, rounded half-even';
COMMENT ON COLUMN analytics_sale_lines.commission_minor IS 'Commission charged on the line (rate of its category '
    'as the capture entry recorded it), NULL until the capture is posted';
COMMENT ON COLUMN analytics_sale_lines.sold_on IS 'UTC day the vendor order was created (the order was paid)';
COMMENT ON TABLE analytics_share_commission IS 'Rates and commission of each captured vendor share, from its '
    'capture journal entry';
COMMENT ON TABLE analytics_refunds IS 'Money owed back to customers: every journal entry crediting refunds-clearing '
    '(reversals of rejected or cancelled shares today, refunds as they come), spread over the share''s categories '
    'in proportion to their lines (total + VAT)';
COMMENT ON VIEW analytics_daily_sales IS 'Per UTC day, vendor, category and currency: vendor orders, items, GMV '
    '(net of VAT and shipping), commission, VAT on the goods, refunds (by the day they were posted)';
COMMENT ON TABLE analytics_orders IS 'One row per order: placed, paid, cancelled (group analytics-orders)';
COMMENT ON TABLE analytics_cart_sessions IS 'A cart session runs from the first line added to an empty cart to its '
    'checkout (group analytics-orders)';
COMMENT ON VIEW analytics_daily_orders IS 'Per UTC day of payment and currency: paid orders, items, revenue (grand '
    'totals) and the average order value';
COMMENT ON VIEW analytics_daily_conversion IS 'Per UTC day a cart session started: sessions, how many were checked '
    'out and how many of those orders were paid';
COMMENT ON TABLE analytics_vendor_orders IS 'Milestones of every vendor order (group analytics-vendor-performance)';
COMMENT ON VIEW analytics_vendor_performance IS 'Per UTC day of creation and vendor: vendor orders, decisions, '
    'acceptance rate = accepted / (accepted + rejected), average seconds to accept and to ship';
