package com.souq.commerce.listing.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes listing documents into a given index, idempotently: every write carries the listing's sequence number as
 * Elasticsearch's external version, so a redelivered or replayed event (a version not greater than the stored one)
 * is refused by Elasticsearch and changes nothing. A vendor's status is not part of the listing's stream: it is kept
 * in {@code listing_search_vendor} and copied onto the documents of its listings (named in
 * {@code listing_search_listing}) at the version they already have.
 */
@Component
class ListingIndexWriter {

    private static final int CONFLICT = 409;
    private static final int BULK_SIZE = 500;

    private final ElasticsearchClient client;
    private final JdbcClient jdbc;

    ListingIndexWriter(ElasticsearchClient client, JdbcClient jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    Optional<ListingDocument> find(String index, String listingId) {
        try {
            GetResponse<ListingDocument> found = client.get(get -> get.index(index).id(listingId),
                    ListingDocument.class);
            return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the documents in one bulk request, each at its version unless the index holds that version or a later
     * one already (such a refusal is a redelivery and ignored; any other refusal fails the batch, to be retried).
     */
    void writeAll(String index, Collection<ListingDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (ListingDocument document : documents) {
            operations.add(BulkOperation.of(operation -> operation.index(write -> write.index(index)
                    .id(document.listingId()).document(document).version(document.version())
                    .versionType(VersionType.External))));
        }
        bulk(operations);
    }

    private void bulk(List<BulkOperation> operations) {
        try {
            BulkResponse written = client.bulk(bulk -> bulk.operations(operations));
            for (BulkResponseItem item : written.items()) {
                if (item.error() != null && item.status() != CONFLICT) {
                    throw new IllegalStateException("Search index refused " + item.id() + ": "
                            + item.error().reason());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rememberVendorOf(ListingId listingId, VendorId vendorId) {
        jdbc.sql("""
                        INSERT INTO listing_search_listing (listing_id, vendor_id) VALUES (:listing, :vendor)
                        ON CONFLICT (listing_id) DO NOTHING""")
                .param("listing", UUID.fromString(listingId.value()))
                .param("vendor", UUID.fromString(vendorId.value()))
                .update();
    }

    /** Records the vendor's status unless a later vendor event was recorded already. */
    void recordVendorStatus(VendorId vendorId, VendorStatus status, long version) {
        jdbc.sql("""
                        INSERT INTO listing_search_vendor (vendor_id, status, version) VALUES (:id, :status, :version)
                        ON CONFLICT (vendor_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version
                         WHERE listing_search_vendor.version < EXCLUDED.version""")
                .param("id", UUID.fromString(vendorId.value()))
                .param("status", status.name())
                .param("version", version)
                .update();
    }

    Optional<VendorStatus> vendorStatus(VendorId vendorId) {
        return jdbc.sql("SELECT status FROM listing_search_vendor WHERE vendor_id = :id")
                .param("id", UUID.fromString(vendorId.value()))
                .query(String.class).optional().map(VendorStatus::valueOf);
    }

    /**
     * Copies the vendor's recorded status onto every document of its listings in bulk, each at the version it has
     * ({@code external_gte}), so that a listing event written meanwhile with a later version wins.
     */
    void copyVendorStatus(String index, VendorId vendorId) {
        VendorStatus status = vendorStatus(vendorId).orElse(null);
        List<String> listingIds = jdbc.sql("SELECT listing_id::text FROM listing_search_listing WHERE vendor_id = :id")
                .param("id", UUID.fromString(vendorId.value()))
                .query(String.class).list();
        for (int from = 0; from < listingIds.size(); from += BULK_SIZE) {
            copyVendorStatus(index, listingIds.subList(from, Math.min(listingIds.size(), from + BULK_SIZE)), status);
        }
    }

    void copyVendorStatus(String index, List<String> listingIds, VendorStatus status) {
        try {
            MgetResponse<ListingDocument> found = client.mget(mget -> mget.index(index).ids(listingIds),
                    ListingDocument.class);
            List<BulkOperation> operations = new ArrayList<>();
            for (MultiGetResponseItem<ListingDocument> item : found.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null
                        && item.result().source().vendorStatus() != status) {
                    ListingDocument document = item.result().source().withVendorStatus(status);
                    operations.add(BulkOperation.of(operation -> operation.index(write -> write.index(index)
                            .id(document.listingId()).document(document).version(document.version())
                            .versionType(VersionType.ExternalGte))));
                }
            }
            if (!operations.isEmpty()) {
                bulk(operations);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
