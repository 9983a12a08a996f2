package com.souq.commerce.cart.query;

import com.souq.commerce.cart.api.CartCheckedOutEvent;
import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.cart.api.CartLineAddedEvent;
import com.souq.commerce.cart.api.CartLineQuantityChangedEvent;
import com.souq.commerce.cart.api.CartLineRemovedEvent;
import com.souq.commerce.cart.api.CartPricesUpdatedEvent;
import com.souq.commerce.cart.api.PriceChange;
import com.souq.commerce.listing.api.ListingId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import com.souq.commerce.operations.rebuild.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code carts} and {@code cart_lines} from the Cart aggregate's events. Each event first moves the cart's
 * version to its sequence number, and changes the lines only if that move happened, so a redelivered or replayed
 * event changes nothing. Checkout empties the lines and remembers the order.
 */
@Component
@ReadModelTables({"carts", "cart_lines"})
@ProcessingGroup(CartProjector.PROCESSING_GROUP)
class CartProjector {

    static final String PROCESSING_GROUP = "carts";

    private final JdbcClient jdbc;

    CartProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CartLineAddedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        boolean advanced = jdbc.sql("""
                        INSERT INTO carts (cart_id, customer_subject, created_at, updated_at, version)
                        VALUES (:id, :customer, :at, :at, :version)
                        ON CONFLICT (cart_id) DO UPDATE SET updated_at = excluded.updated_at, version = excluded.version
                         WHERE carts.version < excluded.version""")
                .param("id", uuid(event.cartId()))
                .param("customer", event.customerSubject())
                .param("at", utc(at))
                .param("version", version)
                .update() == 1;
        if (advanced) {
            jdbc.sql("""
                            INSERT INTO cart_lines (cart_id, listing_id, vendor_id, quantity, unit_price_minor,
                                                    currency, added_at, updated_at)
                            VALUES (:id, :listing, :vendor, :quantity, :price, :currency, :at, :at)
                            ON CONFLICT (cart_id, listing_id) DO UPDATE
                               SET vendor_id = excluded.vendor_id, quantity = excluded.quantity,
                                   unit_price_minor = excluded.unit_price_minor, currency = excluded.currency,
                                   added_at = excluded.added_at, updated_at = excluded.updated_at""")
                    .param("id", uuid(event.cartId()))
                    .param("listing", uuid(event.listingId()))
                    .param("vendor", UUID.fromString(event.vendorId().value()))
                    .param("quantity", event.quantity())
                    .param("price", event.unitPrice().minorUnits())
                    .param("currency", event.unitPrice().currency().getCurrencyCode())
                    .param("at", utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(CartLineQuantityChangedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.cartId(), version, at)) {
            jdbc.sql("""
                            UPDATE cart_lines SET quantity = :quantity, unit_price_minor = :price,
                                                  currency = :currency, updated_at = :at
                             WHERE cart_id = :id AND listing_id = :listing""")
                    .param("quantity", event.quantity())
                    .param("price", event.unitPrice().minorUnits())
                    .param("currency", event.unitPrice().currency().getCurrencyCode())
                    .param("at", utc(at))
                    .param("id", uuid(event.cartId()))
                    .param("listing", uuid(event.listingId()))
                    .update();
        }
    }

    @EventHandler
    void on(CartLineRemovedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.cartId(), version, at)) {
            jdbc.sql("DELETE FROM cart_lines WHERE cart_id = :id AND listing_id = :listing")
                    .param("id", uuid(event.cartId()))
                    .param("listing", uuid(event.listingId()))
                    .update();
        }
    }

    @EventHandler
    void on(CartPricesUpdatedEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.cartId(), version, at)) {
            for (PriceChange change : event.changes()) {
                jdbc.sql("""
                                UPDATE cart_lines SET unit_price_minor = :price, currency = :currency, updated_at = :at
                                 WHERE cart_id = :id AND listing_id = :listing""")
                        .param("price", change.currentPrice().minorUnits())
                        .param("currency", change.currentPrice().currency().getCurrencyCode())
                        .param("at", utc(at))
                        .param("id", uuid(event.cartId()))
                        .param("listing", uuid(change.listingId()))
                        .update();
            }
        }
    }

    @EventHandler
    void on(CartCheckedOutEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        if (advance(event.cartId(), version, at)) {
            jdbc.sql("UPDATE carts SET last_order_id = :order, last_checked_out_at = :at WHERE cart_id = :id")
                    .param("order", UUID.fromString(event.orderId().value()))
                    .param("at", utc(at))
                    .param("id", uuid(event.cartId()))
                    .update();
            jdbc.sql("DELETE FROM cart_lines WHERE cart_id = :id").param("id", uuid(event.cartId())).update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE carts, cart_lines").update();
    }

    /** Moves the cart to the event's version; {@code false} if it has seen the event already. */
    private boolean advance(CartId cartId, long version, Instant at) {
        return jdbc.sql("""
                        UPDATE carts SET updated_at = :at, version = :version
                         WHERE cart_id = :id AND version < :version""")
                .param("at", utc(at))
                .param("version", version)
                .param("id", uuid(cartId))
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(CartId cartId) {
        return UUID.fromString(cartId.value());
    }

    private static UUID uuid(ListingId listingId) {
        return UUID.fromString(listingId.value());
    }
}
