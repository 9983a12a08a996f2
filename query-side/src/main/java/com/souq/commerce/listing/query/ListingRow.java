package com.souq.commerce.listing.query;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import com.souq.commerce.platform.axon.DeferredWrites;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * A row of {@code listings} created in the batch under way, held in memory ({@link DeferredWrites#insert}): the
 * listing's later events in the same batch change it here, exactly as their UPDATEs would change the row in the
 * table, and the rows of a batch are inserted together by one statement ({@link #ROWS}).
 */
final class ListingRow {

    /**
     * Inserts rows through {@code unnest} over one array per column: one statement, parsed once, for any number of
     * rows. The vendor's status is read as the single-row INSERT reads it. A row already there (an event handled again)
     * takes the new values only where it had seen fewer events, as the UPDATEs would have; its vendor status, which
     * only the vendor's events change, stays.
     */
    static final DeferredWrites.Rows<ListingRow> ROWS = ListingRow::insertAll;

    private static final String INSERT = """
            INSERT INTO listings AS listing (listing_id, vendor_id, vendor_status, status, category, title, description,
                                             make, model, year, mileage_km, condition, oem_numbers, city,
                                             extra_attributes, price_minor, currency, quantity_on_hand, reserved,
                                             reservations_rejected, created_at, published_at, updated_at, version)
            SELECT incoming.listing_id, incoming.vendor_id, vendor.status, incoming.status, incoming.category,
                   CAST(incoming.title AS jsonb), CAST(incoming.description AS jsonb), incoming.make, incoming.model,
                   incoming.year, incoming.mileage_km, incoming.condition, CAST(incoming.oem_numbers AS text[]),
                   incoming.city, CAST(incoming.extra_attributes AS jsonb), incoming.price_minor, incoming.currency,
                   incoming.quantity_on_hand, incoming.reserved, incoming.reservations_rejected,
                   CAST(incoming.created_at AS timestamptz), CAST(incoming.published_at AS timestamptz),
                   CAST(incoming.updated_at AS timestamptz), incoming.version
              FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS int4[]), CAST(? AS int4[]), CAST(? AS text[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int8[]), CAST(? AS text[]),
                          CAST(? AS int4[]), CAST(? AS int4[]), CAST(? AS int4[]), CAST(? AS text[]),
                          CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int8[]))
                   AS incoming (listing_id, vendor_id, status, category, title, description, make, model, year,
                                mileage_km, condition, oem_numbers, city, extra_attributes, price_minor, currency,
                                quantity_on_hand, reserved, reservations_rejected, created_at, published_at,
                                updated_at, version)
              LEFT JOIN listing_vendors vendor ON vendor.vendor_id = incoming.vendor_id
            ON CONFLICT (listing_id) DO UPDATE
               SET status = excluded.status, category = excluded.category, title = excluded.title,
                   description = excluded.description, make = excluded.make, model = excluded.model,
                   year = excluded.year, mileage_km = excluded.mileage_km, condition = excluded.condition,
                   oem_numbers = excluded.oem_numbers, city = excluded.city,
                   extra_attributes = excluded.extra_attributes, price_minor = excluded.price_minor,
                   currency = excluded.currency, quantity_on_hand = excluded.quantity_on_hand,
                   reserved = excluded.reserved, reservations_rejected = excluded.reservations_rejected,
                   published_at = excluded.published_at, updated_at = excluded.updated_at, version = excluded.version
             WHERE listing.version < excluded.version""";

    final UUID listingId;
    final UUID vendorId;
    String status;
    ListingDescription description;
    long priceMinor;
    String currency;
    int quantityOnHand;
    int reserved;
    int reservationsRejected;
    final Instant createdAt;
    Instant publishedAt;
    Instant updatedAt;
    long version;

    ListingRow(UUID listingId, UUID vendorId, String status, ListingDescription description, long priceMinor,
               String currency, int quantityOnHand, Instant createdAt, long version) {
        this.listingId = listingId;
        this.vendorId = vendorId;
        this.status = status;
        this.description = description;
        this.priceMinor = priceMinor;
        this.currency = currency;
        this.quantityOnHand = quantityOnHand;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.version = version;
    }

    private static void insertAll(JdbcOperations jdbc, List<ListingRow> rows) {
        int size = rows.size();
        UUID[] ids = new UUID[size];
        UUID[] vendors = new UUID[size];
        String[] statuses = new String[size];
        String[] categories = new String[size];
        String[] titles = new String[size];
        String[] descriptions = new String[size];
        String[] makes = new String[size];
        String[] models = new String[size];
        Integer[] years = new Integer[size];
        Integer[] mileages = new Integer[size];
        String[] conditions = new String[size];
        String[] oemNumbers = new String[size];
        String[] cities = new String[size];
        String[] extras = new String[size];
        Long[] prices = new Long[size];
        String[] currencies = new String[size];
        Integer[] onHand = new Integer[size];
        Integer[] reserved = new Integer[size];
        Integer[] rejected = new Integer[size];
        String[] created = new String[size];
        String[] published = new String[size];
        String[] updated = new String[size];
        Long[] versions = new Long[size];
        for (int i = 0; i < size; i++) {
            ListingRow row = rows.get(i);
            ListingDescription description = row.description;
            ids[i] = row.listingId;
            vendors[i] = row.vendorId;
            statuses[i] = row.status;
            categories[i] = description.category();
            titles[i] = description.title();
            descriptions[i] = description.description();
            makes[i] = description.make();
            models[i] = description.model();
            years[i] = description.year();
            mileages[i] = description.mileageKm();
            conditions[i] = description.condition();
            oemNumbers[i] = arrayLiteral(description.oemNumbers());
            cities[i] = description.city();
            extras[i] = description.extra();
            prices[i] = row.priceMinor;
            currencies[i] = row.currency;
            onHand[i] = row.quantityOnHand;
            reserved[i] = row.reserved;
            rejected[i] = row.reservationsRejected;
            created[i] = timestamp(row.createdAt);
            published[i] = row.publishedAt == null ? null : timestamp(row.publishedAt);
            updated[i] = timestamp(row.updatedAt);
            versions[i] = row.version;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT);
            Object[][] columns = {ids, vendors, statuses, categories, titles, descriptions, makes, models, years,
                    mileages, conditions, oemNumbers, cities, extras, prices, currencies, onHand, reserved, rejected,
                    created, published, updated, versions};
            String[] types = {"uuid", "uuid", "text", "text", "text", "text", "text", "text", "int4", "int4", "text",
                    "text", "text", "text", "int8", "text", "int4", "int4", "int4", "text", "text", "text", "int8"};
            for (int column = 0; column < columns.length; column++) {
                statement.setArray(column + 1, connection.createArrayOf(types[column], columns[column]));
            }
            return statement;
        });
    }

    /**
     * The instant as PostgreSQL stores it when the driver binds it: to the microsecond, a remainder above 499
     * nanoseconds rounded up (PgJDBC's rule), so that a row inserted from here has the times an UPDATE would have set.
     */
    static String timestamp(Instant instant) {
        Instant rounded = instant.getNano() % 1000 > 499 ? instant.plus(1, ChronoUnit.MICROS) : instant;
        return rounded.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** A PostgreSQL array literal of texts, every element quoted. */
    static String arrayLiteral(String[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            if (values[i] == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            values[i].chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append((char) c);
            });
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
