package com.souq.commerce.cart.query;

import com.souq.commerce.cart.query.api.CartView;
import com.souq.commerce.cart.query.api.FindCartQuery;
import com.souq.commerce.shared.money.Money;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers cart queries from the {@code carts} and {@code cart_lines} tables. */
@Component
class CartQueryHandler {

    private final JdbcClient jdbc;

    CartQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    CartView handle(FindCartQuery query) {
        UUID cartId = UUID.fromString(query.cartId().value());
        Optional<Cart> cart = jdbc.sql("SELECT last_order_id, updated_at FROM carts WHERE cart_id = :id")
                .param("id", cartId)
                .query((row, index) -> new Cart(row.getString("last_order_id"), row.getTimestamp("updated_at")))
                .optional();
        if (cart.isEmpty()) {
            return CartView.empty(query.cartId().value());
        }
        List<CartView.Line> lines = jdbc.sql("""
                        SELECT listing_id, vendor_id, quantity, unit_price_minor, currency, added_at
                          FROM cart_lines WHERE cart_id = :id ORDER BY added_at, listing_id""")
                .param("id", cartId)
                .query((row, index) -> {
                    Money unitPrice = Money.of(row.getLong("unit_price_minor"), row.getString("currency"));
                    int quantity = row.getInt("quantity");
                    return new CartView.Line(row.getString("listing_id"), row.getString("vendor_id"), quantity,
                            unitPrice, unitPrice.times(quantity), row.getTimestamp("added_at").toInstant());
                })
                .list();
        Money subtotal = lines.stream().map(CartView.Line::total).reduce(Money::plus).orElse(null);
        return new CartView(query.cartId().value(), lines, lines.stream().mapToInt(CartView.Line::quantity).sum(),
                subtotal, cart.get().lastOrderId(), cart.get().updatedAt().toInstant());
    }

    private record Cart(String lastOrderId, Timestamp updatedAt) {
    }
}
