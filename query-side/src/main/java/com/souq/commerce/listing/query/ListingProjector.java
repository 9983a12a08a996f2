package com.souq.commerce.listing.query;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingDeletedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPriceChangedEvent;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.ListingRestockedForRefundEvent;
import com.souq.commerce.listing.api.ListingSoldEvent;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.api.ListingStockAdjustedEvent;
import com.souq.commerce.listing.api.ListingUnpublishedEvent;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.listing.query.api.ReservationView.State;
import com.souq.commerce.vendor.api.KycDocumentSubmittedEvent;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorRejectedEvent;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import com.souq.commerce.platform.axon.DeferredWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the catalog tables {@code listings}, {@code listing_reservations} and {@code listing_vendors}. Every write
 * names the event's sequence number and applies only if the row has not seen it yet (a reservation only together with
 * its listing), so a redelivered or replayed event changes nothing. Vendor events carry the Vendor aggregate's own
 * sequence numbers, so they are guarded by {@code listing_vendors.version}, never by a listing's version; the
 * processing group is sequenced per vendor ({@link ListingsSequencing}) so that a listing created while its vendor
 * changes status cannot miss the change.
 *
 * <p>The writes of a batch are sent together when it commits ({@link DeferredWrites}), keyed by listing; a vendor's
 * status change, which reaches all of its listings, runs after everything before it. A listing created in the batch is
 * held as a row ({@link ListingRow}) that its later events in the batch change in place, and the batch's new rows are
 * inserted by one statement: in a rebuild a listing created and published is one row written, not two statements.
 */
@Component
@ReadModelTables({"listings", "listing_reservations", "listing_vendors"})
@ProcessingGroup(ListingProjector.PROCESSING_GROUP)
class ListingProjector {

    static final String PROCESSING_GROUP = "listings";

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private final DeferredWrites writes;
    private final ObjectWriter texts;

    ListingProjector(NamedParameterJdbcOperations jdbc, JsonMapper json) {
        this.writes = new DeferredWrites(jdbc, PROCESSING_GROUP);
        this.texts = json.writerFor(TEXTS);
    }

    @EventHandler
    void on(ListingCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.insert(event.listingId(), ListingRow.ROWS, new ListingRow(uuid(event.listingId()),
                uuid(event.vendorId()), ListingStatus.DRAFT.name(), describe(event.category(), event.title(),
                event.description(), event.attributes()), event.price().minorUnits(),
                event.price().currency().getCurrencyCode(), event.stock(), at, version));
    }

    @EventHandler
    void on(ListingEditedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        ListingDescription description = describe(event.category(), event.title(), event.description(),
                event.attributes());
        update(event.listingId(), version, at, """
                category = :category, title = CAST(:title AS jsonb), description = CAST(:description AS jsonb),
                make = :make, model = :model, year = :year, mileage_km = :mileage, condition = :condition,
                oem_numbers = :oem, city = :city, extra_attributes = CAST(:extra AS jsonb)""",
                description.bind(new MapSqlParameterSource()), row -> row.description = description);
    }

    @EventHandler
    void on(ListingPriceChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        long price = event.price().minorUnits();
        String currency = event.price().currency().getCurrencyCode();
        update(event.listingId(), version, at, "price_minor = :price, currency = :currency", new MapSqlParameterSource()
                .addValue("price", price)
                .addValue("currency", currency), row -> {
                    row.priceMinor = price;
                    row.currency = currency;
                });
    }

    @EventHandler
    void on(ListingStockAdjustedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.listingId(), version, at, "quantity_on_hand = :onHand, reserved = :reserved",
                new MapSqlParameterSource()
                        .addValue("onHand", event.quantityOnHand())
                        .addValue("reserved", event.reserved()), row -> {
                    row.quantityOnHand = event.quantityOnHand();
                    row.reserved = event.reserved();
                });
    }

    @EventHandler
    void on(ListingRestockedForRefundEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.listingId(), version, at, "quantity_on_hand = :onHand",
                new MapSqlParameterSource("onHand", event.quantityOnHand()),
                row -> row.quantityOnHand = event.quantityOnHand());
    }

    @EventHandler
    void on(ListingPublishedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.listingId(), version, at, "status = :status, published_at = :at",
                new MapSqlParameterSource("status", ListingStatus.PUBLISHED.name()), row -> {
                    row.status = ListingStatus.PUBLISHED.name();
                    row.publishedAt = at;
                });
    }

    @EventHandler
    void on(ListingUnpublishedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.UNPUBLISHED, version, at);
    }

    @EventHandler
    void on(ListingSoldEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.SOLD, version, at);
    }

    @EventHandler
    void on(ListingDeletedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeStatus(event.listingId(), ListingStatus.DELETED, version, at);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        writes.write(event.listingId(), """
                        WITH listing AS (
                            UPDATE listings SET reserved = quantity_on_hand - :available, updated_at = :at,
                                                version = :version
                             WHERE listing_id = :id AND version < :version
                            RETURNING listing_id)
                        INSERT INTO listing_reservations (listing_id, order_id, quantity, state, unit_price_minor,
                                                          currency, reserved_at)
                        SELECT listing_id, :order, :quantity, :state, :price, :currency, :at FROM listing
                        ON CONFLICT (listing_id, order_id) DO UPDATE
                           SET quantity = excluded.quantity, state = excluded.state,
                               unit_price_minor = excluded.unit_price_minor, currency = excluded.currency,
                               reserved_at = excluded.reserved_at, closed_at = NULL""",
                new MapSqlParameterSource()
                        .addValue("available", event.available())
                        .addValue("at", utc(at))
                        .addValue("version", version)
                        .addValue("id", uuid(event.listingId()))
                        .addValue("order", UUID.fromString(event.orderId().value()))
                        .addValue("quantity", event.quantity())
                        .addValue("state", State.RESERVED.name())
                        .addValue("price", event.unitPrice().minorUnits())
                        .addValue("currency", event.unitPrice().currency().getCurrencyCode()));
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event.listingId(), version, at, "reservations_rejected = reservations_rejected + 1",
                new MapSqlParameterSource(), row -> row.reservationsRejected++);
    }

    @EventHandler
    void on(StockReservationReleasedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        closeReservation(event.listingId(), event.orderId().value(), State.RELEASED, version, at,
                "reserved = quantity_on_hand - :available",
                new MapSqlParameterSource("available", event.available()));
    }

    @EventHandler
    void on(StockReservationCommittedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        closeReservation(event.listingId(), event.orderId().value(), State.COMMITTED, version, at,
                "quantity_on_hand = :onHand, reserved = reserved - :quantity", new MapSqlParameterSource()
                        .addValue("onHand", event.quantityOnHand())
                        .addValue("quantity", event.quantity()));
    }

    @EventHandler
    void on(VendorAppliedEvent event, @SequenceNumber long version) {
        changeVendorStatus(event.vendorId(), VendorStatus.APPLIED, version);
    }

    @EventHandler
    void on(KycDocumentSubmittedEvent event, @SequenceNumber long version) {
        changeVendorStatus(event.vendorId(), VendorStatus.UNDER_REVIEW, version);
    }

    @EventHandler
    void on(VendorApprovedEvent event, @SequenceNumber long version) {
        changeVendorStatus(event.vendorId(), VendorStatus.APPROVED, version);
    }

    @EventHandler
    void on(VendorRejectedEvent event, @SequenceNumber long version) {
        changeVendorStatus(event.vendorId(), VendorStatus.REJECTED, version);
    }

    @EventHandler
    void on(VendorSuspendedEvent event, @SequenceNumber long version) {
        changeVendorStatus(event.vendorId(), VendorStatus.SUSPENDED, version);
    }

    @EventHandler
    void on(VendorReinstatedEvent event, @SequenceNumber long version) {
        changeVendorStatus(event.vendorId(), VendorStatus.APPROVED, version);
    }

    @ResetHandler
    void reset() {
        writes.writeAcross("TRUNCATE listings, listing_reservations, listing_vendors", EmptySqlParameterSource.INSTANCE);
    }

    /**
     * Sets {@code assignments} on the listing's row unless it has seen this event: on the row itself while it is
     * still held back (created in this batch, {@code change}), else by an UPDATE.
     */
    private void update(ListingId listingId, long version, Instant at, String assignments,
                        MapSqlParameterSource parameters, Consumer<ListingRow> change) {
        ListingRow row = writes.pendingRow(listingId, ListingRow.ROWS);
        if (row != null) {
            if (row.version < version) {
                change.accept(row);
                row.updatedAt = at;
                row.version = version;
            }
            return;
        }
        writes.write(listingId, "UPDATE listings SET " + assignments + """
                        , updated_at = :at, version = :version
                         WHERE listing_id = :id AND version < :version""", parameters
                .addValue("at", utc(at))
                .addValue("version", version)
                .addValue("id", uuid(listingId)));
    }

    private ListingDescription describe(Category category, LocalizedText title, LocalizedText description,
                                        ListingAttributes attributes) {
        return ListingDescription.of(texts, category, title, description, attributes);
    }

    private void changeStatus(ListingId listingId, ListingStatus status, long version, Instant at) {
        update(listingId, version, at, "status = :status", new MapSqlParameterSource("status", status.name()),
                row -> row.status = status.name());
    }

    private void closeReservation(ListingId listingId, String orderId, State state, long version, Instant at,
                                  String stock, MapSqlParameterSource parameters) {
        writes.write(listingId, "WITH listing AS (UPDATE listings SET " + stock + """
                        , updated_at = :at, version = :version
                             WHERE listing_id = :id AND version < :version
                            RETURNING listing_id)
                        UPDATE listing_reservations reservation SET state = :state, closed_at = :at
                          FROM listing
                         WHERE reservation.listing_id = listing.listing_id AND reservation.order_id = :order""",
                parameters
                        .addValue("at", utc(at))
                        .addValue("version", version)
                        .addValue("id", uuid(listingId))
                        .addValue("state", state.name())
                        .addValue("order", UUID.fromString(orderId)));
    }

    /** A vendor's status reaches every listing of the vendor: it runs after the writes held back before it. */
    private void changeVendorStatus(VendorId vendorId, VendorStatus status, long version) {
        writes.writeAcross("""
                        WITH vendor AS (
                            INSERT INTO listing_vendors (vendor_id, status, version) VALUES (:id, :status, :version)
                            ON CONFLICT (vendor_id) DO UPDATE SET status = excluded.status, version = excluded.version
                             WHERE listing_vendors.version < excluded.version
                            RETURNING vendor_id, status)
                        UPDATE listings SET vendor_status = vendor.status FROM vendor
                         WHERE listings.vendor_id = vendor.vendor_id""", new MapSqlParameterSource()
                .addValue("id", uuid(vendorId))
                .addValue("status", status.name())
                .addValue("version", version));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(ListingId listingId) {
        return UUID.fromString(listingId.value());
    }

    private static UUID uuid(VendorId vendorId) {
        return UUID.fromString(vendorId.value());
    }
}
