package com.souq.commerce.reliability;

import com.souq.commerce.reliability.Marketplace.Listing;
import com.souq.commerce.reliability.Marketplace.Vendor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * The traffic of a marketplace on one or more instances: shoppers fill carts and check out with the sandbox gateway
 * (approved or declined), some cancel right after; each vendor's staff accept (or reject), ship and deliver their
 * vendor orders; a stock keeper recounts stock. Each request goes to a randomly chosen instance. A request the engine
 * does not answer (it was killed) is counted and the work goes on; a checkout is retried with its Idempotency-Key
 * until the engine answers, so a shopper never pays twice for one cart.
 */
final class Load {

    private static final Map<String, Object> ADDRESS = Map.of("recipient", "Reliability Shopper", "phone",
            "+201001234567", "line1", "1 Tahrir Sq", "city", "Cairo", "country", "EG");

    private final List<Shop> shops;
    private final Marketplace market;
    private final Tally tally;
    private final long seed;
    private final String run;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    Load(List<Shop> shops, Marketplace market, Tally tally, long seed, String run) {
        this.shops = shops;
        this.market = market;
        this.tally = tally;
        this.seed = seed;
        this.run = run;
    }

    void start(int shoppers) {
        for (int s = 0; s < shoppers; s++) {
            int index = s;
            threads.add(Thread.ofPlatform().name("shopper-" + s).start(() -> shopper(index)));
        }
        for (Vendor vendor : market.vendors()) {
            threads.add(Thread.ofPlatform().name("vendor-desk").start(() -> vendorDesk(vendor)));
        }
        threads.add(Thread.ofPlatform().name("stock-keeper").start(this::stockKeeper));
    }

    /** Stops sending new work and waits for the requests under way. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(90));
        }
    }

    private Shop shop(SplittableRandom random) {
        return shops.get(random.nextInt(shops.size()));
    }

    private void shopper(int index) {
        SplittableRandom random = new SplittableRandom(seed + index);
        Shop any = shop(random);
        String token = any.token("shopper-" + run + "-" + index, List.of("CUSTOMER"), null);
        while (running.get()) {
            int added = 0;
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                Listing listing = market.listings().get(random.nextInt(market.listings().size()));
                Shop.Answer answer = shop(random).post("/api/v1/cart/lines", token,
                        Map.of("listingId", listing.listingId(), "quantity", 1 + random.nextInt(2)));
                tally.count("add to cart", answer);
                added += answer.ok() ? 1 : 0;
                pauseIfDown(answer);
            }
            if (added == 0) {
                continue;
            }
            String method = random.nextInt(100) < 20 ? "decline" : "approve";
            Shop.Answer placed = checkout(token, method, random);
            tally.count("checkout (" + method + ")", placed);
            if (placed.status() == 201 && random.nextInt(100) < 15) {
                String order = placed.json().get("orderId").asString();
                Shop.Answer cancelled = shop(random).post("/api/v1/orders/" + order + "/cancellation", token,
                        Map.of("reason", "Changed my mind"));
                tally.count("cancel order", cancelled);
            }
        }
    }

    /** Retries an unanswered checkout with the same key: it ran once at most, and a replay answers its result. */
    private Shop.Answer checkout(String token, String method, SplittableRandom random) {
        String key = UUID.randomUUID().toString();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            Shop.Answer answer = shop(random).post("/api/v1/cart/checkout", token, Map.of("address", ADDRESS,
                    "payment", Map.of("provider", "SANDBOX", "method", method)), Map.of("Idempotency-Key", key));
            if (answer.answered() || Instant.now().isAfter(giveUp)) {
                return answer;
            }
            tally.count("checkout (" + method + ")", "unanswered, retried with its key");
            pauseIfDown(answer);
        }
    }

    private void vendorDesk(Vendor vendor) {
        SplittableRandom random = new SplittableRandom(seed ^ vendor.vendorId().hashCode());
        while (running.get()) {
            step(vendor, "CREATED", random);
            step(vendor, "ACCEPTED", random);
            step(vendor, "SHIPPED", random);
            sleep(150);
        }
    }

    private void step(Vendor vendor, String status, SplittableRandom random) {
        Shop.Answer listed = shop(random).get("/api/v1/vendors/" + vendor.vendorId() + "/orders?status=" + status
                + "&size=20", vendor.staffToken());
        if (!listed.ok()) {
            pauseIfDown(listed);
            return;
        }
        for (JsonNode share : listed.json().get("items")) {
            if (!running.get()) {
                return;
            }
            String path = "/api/v1/vendor-orders/" + share.get("vendorOrderId").asString();
            Shop.Answer answer;
            String kind;
            switch (status) {
                case "CREATED" -> {
                    boolean reject = random.nextInt(100) < 10;
                    kind = reject ? "vendor rejects" : "vendor accepts";
                    answer = reject
                            ? shop(random).post(path + "/rejection", vendor.staffToken(), Map.of("reason", "No stock"))
                            : shop(random).post(path + "/acceptance", vendor.staffToken(), null);
                }
                case "ACCEPTED" -> {
                    kind = "vendor ships";
                    answer = shop(random).post(path + "/shipment", vendor.staffToken(),
                            Map.of("carrier", "Aramex", "trackingReference", "AWB-" + random.nextInt(1_000_000)));
                }
                default -> {
                    kind = "vendor delivers";
                    answer = shop(random).post(path + "/delivery", vendor.staffToken(), null);
                }
            }
            tally.count(kind, answer);
            pauseIfDown(answer);
        }
    }

    private void stockKeeper() {
        SplittableRandom random = new SplittableRandom(seed * 31);
        while (running.get()) {
            Listing listing = market.listings().get(random.nextInt(market.listings().size()));
            Shop.Answer answer = shop(random).put("/api/v1/listings/" + listing.listingId() + "/stock",
                    listing.vendor().staffToken(), Map.of("quantityOnHand", random.nextInt(listing.initialStock() + 1)));
            tally.count("recount stock", answer);
            pauseIfDown(answer);
            sleep(400);
        }
    }

    private static void pauseIfDown(Shop.Answer answer) {
        if (!answer.answered()) {
            sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
