package com.souq.commerce.listing.query.search;

import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.vendor.api.VendorStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The search writes of one unit of work (a processor's batch of up to 100 events): documents are collected here and
 * sent to Elasticsearch in one bulk request when the batch commits, before its token moves on, and the vendor-status
 * re-checks run once per vendor after the commit. One request per batch instead of three or four per event: the
 * difference between about 15 and several thousand listings indexed per second on this machine.
 */
final class PendingSearchWrites {

    private static final String RESOURCE = PendingSearchWrites.class.getName();

    private final ListingIndexWriter writer;
    private final Map<String, Map<String, ListingDocument>> documents = new LinkedHashMap<>();
    private final Map<String, Map<VendorId, Set<String>>> rechecks = new LinkedHashMap<>();
    private final Map<VendorId, Optional<VendorStatus>> vendorStatuses = new LinkedHashMap<>();

    private PendingSearchWrites(ListingIndexWriter writer) {
        this.writer = writer;
    }

    /** The writes of the current unit of work; outside of one, writes that flush at once. */
    static PendingSearchWrites current(ListingIndexWriter writer) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingSearchWrites(writer);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            PendingSearchWrites pending = new PendingSearchWrites(writer);
            unitOfWork.onPrepareCommit(committing -> pending.flush());
            unitOfWork.afterCommit(committed -> pending.recheckVendorStatuses());
            return pending;
        });
    }

    Optional<ListingDocument> find(String index, String listingId) {
        ListingDocument pending = documents.getOrDefault(index, Map.of()).get(listingId);
        return pending != null ? Optional.of(pending) : writer.find(index, listingId);
    }

    void write(String index, ListingDocument document, VendorId vendorId) {
        documents.computeIfAbsent(index, key -> new LinkedHashMap<>())
                .put(document.listingId(), document.withVendorStatus(vendorStatus(vendorId).orElse(null)));
        rechecks.computeIfAbsent(index, key -> new LinkedHashMap<>())
                .computeIfAbsent(vendorId, key -> new LinkedHashSet<>()).add(document.listingId());
        if (!CurrentUnitOfWork.isStarted()) {
            flush();
            recheckVendorStatuses();
        }
    }

    /** A vendor status recorded in this unit of work replaces what was read before. */
    void vendorStatusRecorded(VendorId vendorId) {
        vendorStatuses.remove(vendorId);
    }

    private Optional<VendorStatus> vendorStatus(VendorId vendorId) {
        return vendorStatuses.computeIfAbsent(vendorId, writer::vendorStatus);
    }

    private void flush() {
        documents.forEach((index, byId) -> writer.writeAll(index, byId.values()));
        documents.clear();
    }

    /** Listing and vendor events travel in different segments: look at the vendor's status again once committed. */
    private void recheckVendorStatuses() {
        rechecks.forEach((index, byVendor) -> byVendor.forEach((vendorId, listingIds) ->
                writer.copyVendorStatus(index, List.copyOf(listingIds),
                        writer.vendorStatus(vendorId).orElse(null))));
        rechecks.clear();
    }
}
