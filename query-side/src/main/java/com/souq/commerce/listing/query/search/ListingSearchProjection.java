package com.souq.commerce.listing.query.search;

import com.souq.commerce.listing.api.ListingCreatedEvent;
import com.souq.commerce.listing.api.ListingDeletedEvent;
import com.souq.commerce.listing.api.ListingEditedEvent;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.listing.api.ListingPriceChangedEvent;
import com.souq.commerce.listing.api.ListingPublishedEvent;
import com.souq.commerce.listing.api.ListingSoldEvent;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.api.ListingRestockedForRefundEvent;
import com.souq.commerce.listing.api.ListingStockAdjustedEvent;
import com.souq.commerce.listing.api.ListingUnpublishedEvent;
import com.souq.commerce.listing.api.StockReservationCommittedEvent;
import com.souq.commerce.listing.api.StockReservationRejectedEvent;
import com.souq.commerce.listing.api.StockReservationReleasedEvent;
import com.souq.commerce.listing.api.StockReservedEvent;
import com.souq.commerce.vendor.api.VendorAppliedEvent;
import com.souq.commerce.vendor.api.VendorApprovedEvent;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorReinstatedEvent;
import com.souq.commerce.vendor.api.VendorRejectedEvent;
import com.souq.commerce.vendor.api.VendorStatus;
import com.souq.commerce.vendor.api.VendorSuspendedEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Turns listing and vendor events into listing documents of one index, the same way for the live projection (through
 * the alias) and for a rebuild (into the index being built); the subclasses only say which index, if any.
 * <p>
 * Listing and vendor events travel in different segments, so a listing event may be handled while its vendor's
 * status changes in another transaction. Both sides therefore look again once their transaction has committed: a
 * listing copies the vendor status recorded by then, a vendor copies its status onto every listing recorded by then.
 * Whichever commits last sees the other's work, so every document ends with its vendor's latest status.
 */
abstract class ListingSearchProjection {

    private final ListingIndexWriter writer;

    ListingSearchProjection(ListingIndexWriter writer) {
        this.writer = writer;
    }

    /** The index this projection writes into now; empty when it has nothing to do. */
    abstract Optional<String> targetIndex();

    @EventHandler
    void on(ListingCreatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        targetIndex().ifPresent(index -> {
            writer.rememberVendorOf(event.listingId(), event.vendorId());
            ListingDocument created = new ListingDocument(event.listingId().value(), event.vendorId().value(),
                    ListingStatus.DRAFT, null, null, null, null, null, null, null, null, null, null, null, null,
                    event.price().minorUnits(), event.price().currency().getCurrencyCode(), event.stock(),
                    at.toString(), null, version)
                    .described(event.category(), event.title(), event.description(), event.attributes(), version);
            write(index, created, event.vendorId());
        });
    }

    @EventHandler
    void on(ListingEditedEvent event, @SequenceNumber long version) {
        change(event.listingId(), event.vendorId(), version, document -> document.described(event.category(),
                event.title(), event.description(), event.attributes(), version));
    }

    @EventHandler
    void on(ListingPublishedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.listingId(), event.vendorId(), version,
                document -> document.withStatus(ListingStatus.PUBLISHED, at.toString(), version));
    }

    @EventHandler
    void on(ListingUnpublishedEvent event, @SequenceNumber long version) {
        status(event.listingId(), event.vendorId(), ListingStatus.UNPUBLISHED, version);
    }

    @EventHandler
    void on(ListingSoldEvent event, @SequenceNumber long version) {
        status(event.listingId(), event.vendorId(), ListingStatus.SOLD, version);
    }

    @EventHandler
    void on(ListingDeletedEvent event, @SequenceNumber long version) {
        status(event.listingId(), event.vendorId(), ListingStatus.DELETED, version);
    }

    @EventHandler
    void on(ListingPriceChangedEvent event, @SequenceNumber long version) {
        change(event.listingId(), event.vendorId(), version, document -> document.withPrice(
                event.price().minorUnits(), event.price().currency().getCurrencyCode(), version));
    }

    @EventHandler
    void on(ListingStockAdjustedEvent event, @SequenceNumber long version) {
        available(event.listingId(), event.vendorId(), event.quantityOnHand() - event.reserved(), version);
    }

    @EventHandler
    void on(ListingRestockedForRefundEvent event, @SequenceNumber long version) {
        available(event.listingId(), event.vendorId(), event.available(), version);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long version) {
        available(event.listingId(), event.vendorId(), event.available(), version);
    }

    @EventHandler
    void on(StockReservationReleasedEvent event, @SequenceNumber long version) {
        available(event.listingId(), event.vendorId(), event.available(), version);
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, @SequenceNumber long version) {
        available(event.listingId(), event.vendorId(), event.available(), version);
    }

    /** A committed reservation leaves the shelf and the reservations alike: what others may buy stays the same. */
    @EventHandler
    void on(StockReservationCommittedEvent event, @SequenceNumber long version) {
        change(event.listingId(), event.vendorId(), version,
                document -> document.withStock(document.stock(), version));
    }

    @EventHandler
    void on(VendorAppliedEvent event, @SequenceNumber long version) {
        vendorStatusChanged(event.vendorId(), VendorStatus.APPLIED, version);
    }

    @EventHandler
    void on(VendorApprovedEvent event, @SequenceNumber long version) {
        vendorStatusChanged(event.vendorId(), VendorStatus.APPROVED, version);
    }

    @EventHandler
    void on(VendorRejectedEvent event, @SequenceNumber long version) {
        vendorStatusChanged(event.vendorId(), VendorStatus.REJECTED, version);
    }

    @EventHandler
    void on(VendorSuspendedEvent event, @SequenceNumber long version) {
        vendorStatusChanged(event.vendorId(), VendorStatus.SUSPENDED, version);
    }

    @EventHandler
    void on(VendorReinstatedEvent event, @SequenceNumber long version) {
        vendorStatusChanged(event.vendorId(), VendorStatus.APPROVED, version);
    }

    private void status(ListingId listingId, VendorId vendorId, ListingStatus status, long version) {
        change(listingId, vendorId, version, document -> document.withStatus(status, document.publishedAt(), version));
    }

    private void available(ListingId listingId, VendorId vendorId, int available, long version) {
        change(listingId, vendorId, version, document -> document.withStock(available, version));
    }

    private void change(ListingId listingId, VendorId vendorId, long version, UnaryOperator<ListingDocument> change) {
        targetIndex().ifPresent(index -> PendingSearchWrites.current(writer).find(index, listingId.value())
                .filter(document -> document.version() < version)
                .ifPresent(document -> write(index, change.apply(document), vendorId)));
    }

    private void write(String index, ListingDocument document, VendorId vendorId) {
        PendingSearchWrites.current(writer).write(index, document, vendorId);
    }

    private void vendorStatusChanged(VendorId vendorId, VendorStatus status, long version) {
        targetIndex().ifPresent(index -> {
            writer.recordVendorStatus(vendorId, status, version);
            PendingSearchWrites.current(writer).vendorStatusRecorded(vendorId);
            afterCommit(() -> writer.copyVendorStatus(index, vendorId));
        });
    }

    private static void afterCommit(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> task.run());
        } else {
            task.run();
        }
    }
}
