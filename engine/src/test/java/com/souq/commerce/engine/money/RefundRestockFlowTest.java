package com.souq.commerce.engine.money;

import static com.souq.commerce.engine.money.MoneyStory.EVENTUALLY;
import static com.souq.commerce.engine.money.MoneyStory.share;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.souq.commerce.engine.support.Api;
import com.souq.commerce.engine.support.Api.Reply;
import com.souq.commerce.engine.support.EngineIntegrationTest;
import com.souq.commerce.engine.support.Journal;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Refunds that put their items back in stock, read back over HTTP. Every listing starts with 10 on hand; a shipment
 * takes its items out for good, a refund with {@code restock} brings the refunded ones back once.
 */
@EngineIntegrationTest
class RefundRestockFlowTest {

    private static final String RESTOCKED = "ListingRestockedForRefundEvent";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    MoneyStory story;
    Journal journal;

    @BeforeEach
    void setUp() {
        journal = new Journal(jdbc);
        story = new MoneyStory(new Api(port), journal);
    }

    @Test
    void aRefundedLineOfADeliveredOrderComesBackInStockOnlyWhenRestockIsAsked() {
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 800));
        String pads = story.published(cairo, "spare-parts", "Brake pads", 350_00);
        story.addToCart(pads, 3);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve"));
        String share = share(orderId, cairo);
        story.act(share, cairo, "acceptance", null);
        story.act(share, cairo, "shipment", Map.of("carrier", "Aramex", "trackingReference", "AWB-RESTOCK"));
        story.act(share, cairo, "delivery", null);
        awaitStock(pads, 7, 7);

        String restocked = story.refundRequested(share, Map.of("lines", List.of(Map.of("listingId", pads,
                "quantity", 2)), "restock", true, "reason", "Wrong size, returned unopened"));
        Reply approved = story.approveRefund(share, cairo, restocked);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(202);
        story.awaitRefund(restocked, "REFUNDED");
        awaitStock(pads, 9, 9);

        String kept = story.refundRequested(share, Map.of("lines", List.of(Map.of("listingId", pads,
                "quantity", 1)), "reason", "Scratched, the customer keeps it"));
        assertThat(story.approveRefund(share, cairo, kept).status()).isEqualTo(202);
        story.awaitRefund(kept, "REFUNDED");
        Reply again = story.approveRefund(share, cairo, restocked);
        assertThat(again.status()).as("approving again changes nothing").isEqualTo(202);

        assertThat(journal.count(pads, RESTOCKED)).isEqualTo(1);
        JsonNode stock = awaitStock(pads, 9, 9);
        assertThat(stock.get("reserved").asInt()).isZero();
        Reply listing = story.api.get("/api/v1/listings/" + pads, null);
        assertThat(listing.header("ETag")).as("the view reflects the listing's last event")
                .isEqualTo("\"" + (journal.events(pads).size() - 1) + "\"");
    }

    @Test
    void itemsThatNeverShippedComeBackOnceWhenTheShareIsRejected() {
        String cairo = story.vendor("Cairo Parts", Map.of("defaultRate", 800));
        String pads = story.published(cairo, "spare-parts", "Brake pads", 350_00);
        story.addToCart(pads, 2);
        String orderId = story.checkout(Map.of("provider", "SANDBOX", "method", "approve"));
        String share = share(orderId, cairo);
        awaitStock(pads, 10, 8);

        String early = story.refundRequested(share, Map.of("lines", List.of(Map.of("listingId", pads,
                "quantity", 1)), "restock", true, "reason", "Ordered one too many"));
        assertThat(story.approveRefund(share, cairo, early).status()).isEqualTo(202);
        story.awaitRefund(early, "REFUNDED");
        story.act(share, cairo, "rejection", Map.of("reason", "Out of stock in the shop"));
        story.awaitRefund(RefundId.forWithdrawal(VendorOrderId.of(share)).value(), "REFUNDED");

        JsonNode stock = awaitStock(pads, 10, 10);
        assertThat(stock.get("reserved").asInt()).isZero();
        assertThat(journal.count(pads, RESTOCKED)).as("the released reservation already gave the items back")
                .isZero();
        assertThat(journal.count(pads, "StockReservationReleasedEvent")).isEqualTo(1);
    }

    private JsonNode awaitStock(String listingId, int onHand, int available) {
        await().atMost(EVENTUALLY).until(() -> {
            JsonNode stock = story.api.get("/api/v1/listings/" + listingId, null).json().get("stock");
            return stock.get("onHand").asInt() == onHand && stock.get("available").asInt() == available;
        });
        return story.api.get("/api/v1/listings/" + listingId, null).json().get("stock");
    }
}
