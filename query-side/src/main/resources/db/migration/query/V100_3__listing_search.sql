-- What the listing search projections (processing groups "listing-search" and "listing-search-rebuild") keep beside
-- the Elasticsearch index: Elasticsearch has no update-by-query here, so a vendor's suspension or reinstatement
-- re-indexes the documents of the listings named in listing_search_listing, with the status kept in
-- listing_search_vendor. version is the sequence number of the last Vendor event applied.
CREATE TABLE listing_search_vendor (
    vendor_id UUID        PRIMARY KEY,
    status    VARCHAR(16) NOT NULL,
    version   BIGINT      NOT NULL
);

CREATE TABLE listing_search_listing (
    listing_id UUID PRIMARY KEY,
    vendor_id  UUID NOT NULL
);
CREATE INDEX listing_search_listing_vendor ON listing_search_listing (vendor_id);

COMMENT ON TABLE listing_search_vendor IS 'Vendor status as the listing search index sees it (processing group "listing-search")';
COMMENT ON TABLE listing_search_listing IS 'The vendor of every listing in the search index (processing group "listing-search")';
