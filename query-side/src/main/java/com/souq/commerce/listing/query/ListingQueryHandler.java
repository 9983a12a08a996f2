package com.souq.commerce.listing.query;

import com.souq.commerce.listing.api.Category;
import com.souq.commerce.listing.api.Condition;
import com.souq.commerce.listing.api.ListingAttributes;
import com.souq.commerce.listing.api.ListingStatus;
import com.souq.commerce.listing.api.LocalizedText;
import com.souq.commerce.listing.query.api.FindListingQuery;
import com.souq.commerce.listing.query.api.FindListingReservationsQuery;
import com.souq.commerce.listing.query.api.FindVendorListingsQuery;
import com.souq.commerce.listing.query.api.ListingView;
import com.souq.commerce.listing.query.api.ReservationView;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers catalog queries from the {@code listings} and {@code listing_reservations} tables. */
@Component
class ListingQueryHandler {

    private static final String COLUMNS = """
            listing_id, vendor_id, vendor_status, status, category, title, description, make, model, year, mileage_km,
            condition, oem_numbers, city, extra_attributes, price_minor, currency, quantity_on_hand, reserved,
            available, created_at, published_at, updated_at, version""";
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ListingQueryHandler(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    Optional<ListingView> handle(FindListingQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM listings WHERE listing_id = :id")
                .param("id", UUID.fromString(query.listingId().value()))
                .query(this::toView)
                .optional();
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindVendorListingsQuery query) {
        String where = " WHERE vendor_id = :vendor" + (query.status() == null ? "" : " AND status = :status");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT count(*) FROM listings" + where)
                .param("vendor", UUID.fromString(query.vendorId().value()));
        JdbcClient.StatementSpec page = jdbc.sql("SELECT " + COLUMNS + " FROM listings" + where
                        + " ORDER BY created_at DESC, listing_id LIMIT :limit OFFSET :offset")
                .param("vendor", UUID.fromString(query.vendorId().value()))
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size());
        if (query.status() != null) {
            count = count.param("status", query.status().name());
            page = page.param("status", query.status().name());
        }
        long total = count.query(Long.class).single();
        return PageResult.of(page.query(this::toView).list(), query.page(), query.size(), total);
    }

    /** Declared raw because Axon matches an instance response type against the erased class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    PageResult handle(FindListingReservationsQuery query) {
        UUID listingId = UUID.fromString(query.listingId().value());
        long total = jdbc.sql("SELECT count(*) FROM listing_reservations WHERE listing_id = :id")
                .param("id", listingId)
                .query(Long.class).single();
        return PageResult.of(jdbc.sql("""
                        SELECT order_id, quantity, state, unit_price_minor, currency, reserved_at, closed_at
                          FROM listing_reservations WHERE listing_id = :id
                         ORDER BY reserved_at DESC, order_id LIMIT :limit OFFSET :offset""")
                .param("id", listingId)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(ListingQueryHandler::toReservation)
                .list(), query.page(), query.size(), total);
    }

    private ListingView toView(ResultSet row, int index) throws SQLException {
        String vendorStatus = row.getString("vendor_status");
        String condition = row.getString("condition");
        ListingAttributes attributes = new ListingAttributes(
                row.getString("make"),
                row.getString("model"),
                row.getObject("year", Integer.class),
                row.getObject("mileage_km", Integer.class),
                condition == null ? null : Condition.valueOf(condition),
                Arrays.asList((String[]) row.getArray("oem_numbers").getArray()),
                row.getString("city"),
                json.readValue(row.getString("extra_attributes"), TEXTS));
        return new ListingView(
                row.getString("listing_id"),
                row.getString("vendor_id"),
                vendorStatus == null ? null : VendorStatus.valueOf(vendorStatus),
                ListingStatus.valueOf(row.getString("status")),
                Category.fromSlug(row.getString("category")),
                LocalizedText.of(json.readValue(row.getString("title"), TEXTS)),
                LocalizedText.of(json.readValue(row.getString("description"), TEXTS)),
                attributes,
                Money.of(row.getLong("price_minor"), row.getString("currency")),
                new ListingView.Stock(row.getInt("quantity_on_hand"), row.getInt("reserved"), row.getInt("available")),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("published_at")),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }

    private static ReservationView toReservation(ResultSet row, int index) throws SQLException {
        return new ReservationView(
                row.getString("order_id"),
                row.getInt("quantity"),
                ReservationView.State.valueOf(row.getString("state")),
                Money.of(row.getLong("unit_price_minor"), row.getString("currency")),
                row.getTimestamp("reserved_at").toInstant(),
                instant(row.getTimestamp("closed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
