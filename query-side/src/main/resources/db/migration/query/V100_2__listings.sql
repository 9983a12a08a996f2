-- listings, listing_reservations, listing_vendors: the catalog's PostgreSQL read model, fed by the "listings"
-- processing group from the Listing aggregate's events and the Vendor aggregate's status changes.
-- listings.version is the sequence number of the last Listing event applied, listing_vendors.version that of the
-- last Vendor event: a redelivered event (version not greater) changes nothing, which makes every write idempotent.
CREATE TABLE listing_vendors (
    vendor_id  UUID        PRIMARY KEY,
    status     VARCHAR(16) NOT NULL,
    version    BIGINT      NOT NULL
);

CREATE TABLE listings (
    listing_id            UUID        PRIMARY KEY,
    vendor_id             UUID        NOT NULL,
    vendor_status         VARCHAR(16),
    status                VARCHAR(16) NOT NULL,
    category              VARCHAR(32) NOT NULL,
    title                 JSONB       NOT NULL,
    description           JSONB       NOT NULL,
    make                  TEXT,
    model                 TEXT,
    year                  INTEGER,
    mileage_km            INTEGER,
    condition             VARCHAR(16),
    oem_numbers           TEXT[]      NOT NULL DEFAULT '{}',
    city                  TEXT,
    extra_attributes      JSONB       NOT NULL DEFAULT '{}',
    price_minor           BIGINT      NOT NULL,
    currency              CHAR(3)     NOT NULL,
    quantity_on_hand      INTEGER     NOT NULL,
    reserved              INTEGER     NOT NULL DEFAULT 0,
    available             INTEGER     GENERATED ALWAYS AS (quantity_on_hand - reserved) STORED,
    reservations_rejected INTEGER     NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL,
    published_at          TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL
);
CREATE INDEX listings_vendor_created ON listings (vendor_id, created_at DESC);
CREATE INDEX listings_vendor_status_created ON listings (vendor_id, status, created_at DESC);
CREATE INDEX listings_category_status ON listings (category, status);

CREATE TABLE listing_reservations (
    listing_id       UUID        NOT NULL,
    order_id         UUID        NOT NULL,
    quantity         INTEGER     NOT NULL,
    state            VARCHAR(16) NOT NULL,
    unit_price_minor BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    reserved_at      TIMESTAMPTZ NOT NULL,
    closed_at        TIMESTAMPTZ,
    PRIMARY KEY (listing_id, order_id)
);
CREATE INDEX listing_reservations_listing_reserved ON listing_reservations (listing_id, reserved_at DESC);
CREATE INDEX listing_reservations_order ON listing_reservations (order_id);

COMMENT ON TABLE listing_vendors IS 'Status of every vendor as the catalog knows it (processing group "listings")';
COMMENT ON COLUMN listing_vendors.status IS 'APPLIED, UNDER_REVIEW, APPROVED, REJECTED or SUSPENDED';
COMMENT ON COLUMN listing_vendors.version IS 'Sequence number of the last Vendor event applied';

COMMENT ON TABLE listings IS 'The catalog: one row per listing in every status (processing group "listings")';
COMMENT ON COLUMN listings.vendor_status IS 'Status of the vendor (as in listing_vendors); NULL while unknown. '
    'The storefront shows only PUBLISHED listings of APPROVED vendors';
COMMENT ON COLUMN listings.status IS 'DRAFT, PUBLISHED, UNPUBLISHED, SOLD or DELETED';
COMMENT ON COLUMN listings.category IS 'Category slug, e.g. spare-parts';
COMMENT ON COLUMN listings.title IS '{"language": "text"}, languages en, ar, si, ta';
COMMENT ON COLUMN listings.description IS '{"language": "text"}, languages en, ar, si, ta';
COMMENT ON COLUMN listings.extra_attributes IS '{"attribute-slug": "value"}: attributes beyond the typed columns';
COMMENT ON COLUMN listings.price_minor IS 'Unit price in minor units of currency (piastres, halalas, cents)';
COMMENT ON COLUMN listings.currency IS 'ISO 4217 currency of price_minor';
COMMENT ON COLUMN listings.reserved IS 'Units held by open reservations of orders';
COMMENT ON COLUMN listings.available IS 'quantity_on_hand - reserved: what a new order can still reserve';
COMMENT ON COLUMN listings.reservations_rejected IS 'Reservations refused for want of stock or of a sellable state';
COMMENT ON COLUMN listings.published_at IS 'When the listing was last published; NULL if never';
COMMENT ON COLUMN listings.version IS 'Sequence number of the last Listing event applied (the ETag)';

COMMENT ON TABLE listing_reservations IS 'Stock held for orders, one row per listing and order (processing group '
    '"listings")';
COMMENT ON COLUMN listing_reservations.state IS 'RESERVED (held), RELEASED (given back) or COMMITTED (sold)';
COMMENT ON COLUMN listing_reservations.unit_price_minor IS 'Unit price the order reserved at, minor units of currency';
COMMENT ON COLUMN listing_reservations.closed_at IS 'When it was released or committed; NULL while RESERVED';
