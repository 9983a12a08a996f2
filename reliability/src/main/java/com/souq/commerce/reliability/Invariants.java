package com.souq.commerce.reliability;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.reliability.StoredEvents.Stored;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after any run, however violent: checked from the event store (the truth), the read models (SQL)
 * and the HTTP API. Each check counts what it looked at and lists every break it found. The read models have no
 * rebuild API on this branch, so their key figures are recomputed here from the events and compared.
 */
final class Invariants {

    /** One invariant: how many things it checked and every one that broke it. */
    record Check(String name, long checked, List<String> breaks) {
    }

    /** The checks of one run. */
    record Outcome(List<Check> checks) {

        long breaks() {
            return checks.stream().mapToLong(check -> check.breaks().size()).sum();
        }

        long checked() {
            return checks.stream().mapToLong(Check::checked).sum();
        }

        String table() {
            StringBuilder table = new StringBuilder("| invariant | checked | breaks |\n|---|---|---|\n");
            for (Check check : checks) {
                table.append("| ").append(check.name()).append(" | ").append(check.checked()).append(" | ")
                        .append(check.breaks().size()).append(" |\n");
            }
            for (Check check : checks) {
                check.breaks().stream().limit(10).forEach(broken -> table.append("\n- **").append(check.name())
                        .append("**: ").append(broken));
                if (check.breaks().size() > 10) {
                    table.append("\n- … and ").append(check.breaks().size() - 10).append(" more");
                }
            }
            return table.append('\n').toString();
        }
    }

    private static final Set<String> OPEN_ORDER = Set.of("PLACED", "STOCK_RESERVED", "PAYMENT_PENDING");
    private static final Map<String, String> ORDER_STATUS = Map.of("OrderPlaced", "PLACED", "OrderStockReserved",
            "STOCK_RESERVED", "OrderPaymentRequested", "PAYMENT_PENDING", "OrderPaid", "PAID", "OrderCancelled",
            "CANCELLED", "OrderCompleted", "COMPLETED");
    private static final Map<String, String> VENDOR_ORDER_STATUS = Map.of("VendorOrderCreated", "CREATED",
            "VendorOrderAccepted", "ACCEPTED", "VendorOrderShipped", "SHIPPED", "VendorOrderDelivered", "DELIVERED",
            "VendorOrderRejected", "REJECTED", "VendorOrderCancelled", "CANCELLED");
    private static final Map<String, String> PAYMENT_STATUS = Map.of("PaymentRequested", "INITIATED",
            "PaymentActionRequired", "REQUIRES_ACTION", "PaymentAuthorized", "AUTHORIZED", "PaymentCaptureRequested",
            "CAPTURING", "PaymentCaptured", "CAPTURED", "PaymentFailed", "FAILED", "PaymentCancelled", "CANCELLED");
    private static final Set<String> WALLET_MOVEMENTS = Set.of("WalletDeposited", "WalletFundsHeld",
            "WalletHoldCaptured", "WalletHoldReleased", "WalletWithdrawn");

    private final PostgresConnection database;
    private final Shop shop;
    private final String staffToken;
    private final StoredEvents events;
    private final List<Check> checks = new ArrayList<>();

    private Invariants(PostgresConnection database, Shop shop, String staffToken) {
        this.database = database;
        this.shop = shop;
        this.staffToken = staffToken;
        this.events = StoredEvents.read(database);
    }

    /**
     * Checks everything; {@code shop} is any running instance (its API is read with an administrator's and an
     * auditor's token).
     */
    static Outcome check(PostgresConnection database, Shop shop) {
        Invariants invariants = new Invariants(database, shop,
                shop.token("reliability-checker", List.of("ADMIN"), null));
        invariants.orders();
        invariants.stock();
        invariants.journal();
        invariants.wallets();
        invariants.readModels();
        return new Outcome(List.copyOf(invariants.checks));
    }

    private Check check(String name) {
        Check check = new Check(name, 0, new ArrayList<>());
        checks.add(check);
        return check;
    }

    private void count(Check check, long checked) {
        checks.set(checks.indexOf(check), new Check(check.name(), check.checked() + checked, check.breaks()));
    }

    // ---------------------------------------------------------------- orders and payments

    private Map<String, String> lastStatus(String aggregateType, Map<String, String> statuses) {
        Map<String, String> last = new HashMap<>();
        events.byAggregate(aggregateType).forEach((id, stream) -> stream.stream()
                .filter(event -> statuses.containsKey(event.name()))
                .forEach(event -> last.put(id, statuses.get(event.name()))));
        return last;
    }

    private void orders() {
        Map<String, List<Stored>> paid = events.named("OrderPaid", event -> event.text("orderId"));
        Map<String, List<Stored>> captured = events.named("PaymentCaptured", event -> event.text("paymentId"));
        Map<String, Stored> placed = new HashMap<>();
        events.named("OrderPlaced").forEach(event -> placed.put(event.text("orderId"), event));

        Check paidOnce = check("no order paid twice (one OrderPaid per order)");
        paid.forEach((order, list) -> {
            if (list.size() != 1) {
                paidOnce.breaks().add("order " + order + " paid " + list.size() + " times");
            }
        });
        count(paidOnce, placed.size());

        Check capturedOnce = check("one capture per payment, of the order's grand total");
        Map<String, Stored> captureByOrder = new HashMap<>();
        captured.forEach((payment, list) -> {
            if (list.size() != 1) {
                capturedOnce.breaks().add("payment " + payment + " captured " + list.size() + " times");
            }
            Stored capture = list.getFirst();
            captureByOrder.put(capture.text("orderId"), capture);
            Stored order = placed.get(capture.text("orderId"));
            long total = order.payload().get("totals").get("grandTotal").get("minorUnits").asLong();
            if (capture.minor("amount") != total) {
                capturedOnce.breaks().add("payment " + payment + " captured " + capture.minor("amount")
                        + " of an order of " + total);
            }
        });
        paid.forEach((order, list) -> {
            Stored capture = captureByOrder.get(order);
            if (capture == null || capture.minor("amount") != list.getFirst().minor("amount")) {
                capturedOnce.breaks().add("order " + order + " paid " + list.getFirst().minor("amount")
                        + " but captured " + (capture == null ? "nothing" : capture.minor("amount")));
            }
        });
        count(capturedOnce, captured.size() + paid.size());

        Check noMoneyForCancelled = check("no money taken for an order cancelled before payment");
        for (Stored cancelled : events.named("OrderCancelled")) {
            String order = cancelled.text("orderId");
            boolean afterPayment = cancelled.payload().get("afterPayment").asBoolean();
            if (!afterPayment && (captureByOrder.containsKey(order) || paid.containsKey(order))) {
                noMoneyForCancelled.breaks().add("order " + order + " cancelled before payment, yet "
                        + (paid.containsKey(order) ? "paid" : "its payment was captured"));
            }
            if (afterPayment && !paid.containsKey(order)) {
                noMoneyForCancelled.breaks().add("order " + order + " cancelled 'after payment' but never paid");
            }
        }
        count(noMoneyForCancelled, events.named("OrderCancelled").size());

        Check settled = check("every order settled: paid, cancelled or completed (deadlines fired)");
        Map<String, String> orderStatus = lastStatus("Order", ORDER_STATUS);
        orderStatus.forEach((order, status) -> {
            if (OPEN_ORDER.contains(status)) {
                settled.breaks().add("order " + order + " still " + status);
            }
        });
        count(settled, orderStatus.size());

        Check splitOnce = check("a paid order is split once: one vendor order per vendor");
        Map<String, List<Stored>> shares = events.named("VendorOrderCreated", event -> event.text("orderId"));
        placed.forEach((order, event) -> {
            Set<String> vendors = new HashSet<>();
            event.payload().get("lines").forEach(line -> vendors.add(line.get("vendorId").asString()));
            int created = shares.getOrDefault(order, List.of()).size();
            int expected = paid.containsKey(order) ? vendors.size() : 0;
            if (created != expected) {
                splitOnce.breaks().add("order " + order + " (" + orderStatus.get(order) + ") has " + created
                        + " vendor orders, expected " + expected);
            }
        });
        count(splitOnce, placed.size());
    }

    // ---------------------------------------------------------------- stock

    /** A listing's stock replayed from its events. */
    private static final class Stock {
        long onHand;
        final Map<String, Long> held = new LinkedHashMap<>();
        final Map<String, String> reservationState = new HashMap<>();
        long version;

        long reserved() {
            return held.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private void stock() {
        Check never = check("stock never negative, reservations once per order, released or committed once");
        Map<String, Stock> stocks = new LinkedHashMap<>();
        long steps = 0;
        for (Map.Entry<String, List<Stored>> listing : events.byAggregate("Listing").entrySet()) {
            Stock stock = new Stock();
            stocks.put(listing.getKey(), stock);
            for (Stored event : listing.getValue()) {
                steps++;
                stock.version = event.sequence();
                String order = event.text("orderId");
                switch (event.name()) {
                    case "ListingCreated" -> stock.onHand = event.number("stock");
                    case "ListingStockAdjusted" -> {
                        stock.onHand = event.number("quantityOnHand");
                        if (event.number("reserved") != stock.reserved()) {
                            never.breaks().add(listing.getKey() + " #" + event.sequence() + ": adjusted with "
                                    + event.number("reserved") + " reserved, events hold " + stock.reserved());
                        }
                    }
                    case "StockReserved" -> {
                        if (stock.held.containsKey(order) || stock.reservationState.containsKey(order)) {
                            never.breaks().add(listing.getKey() + ": order " + order + " reserved twice");
                        }
                        stock.held.put(order, event.number("quantity"));
                        stock.reservationState.put(order, "RESERVED");
                        if (event.number("available") != stock.onHand - stock.reserved()) {
                            never.breaks().add(listing.getKey() + " #" + event.sequence() + ": says "
                                    + event.number("available") + " available, events give "
                                    + (stock.onHand - stock.reserved()));
                        }
                    }
                    case "StockReservationReleased", "StockReservationCommitted" -> {
                        Long quantity = stock.held.remove(order);
                        if (quantity == null || quantity != event.number("quantity")) {
                            never.breaks().add(listing.getKey() + ": " + event.name() + " of order " + order
                                    + " which holds " + quantity);
                        }
                        boolean committed = event.name().equals("StockReservationCommitted");
                        stock.reservationState.put(order, committed ? "COMMITTED" : "RELEASED");
                        if (committed) {
                            stock.onHand -= event.number("quantity");
                            if (event.number("quantityOnHand") != stock.onHand) {
                                never.breaks().add(listing.getKey() + " #" + event.sequence() + ": says "
                                        + event.number("quantityOnHand") + " on hand, events give " + stock.onHand);
                            }
                        }
                    }
                    case "ListingRestockedForRefund" -> {
                        stock.onHand += event.number("quantity");
                        if (event.number("quantityOnHand") != stock.onHand) {
                            never.breaks().add(listing.getKey() + " #" + event.sequence() + ": says "
                                    + event.number("quantityOnHand") + " on hand after a refund's restock, events give "
                                    + stock.onHand);
                        }
                    }
                    default -> {
                    }
                }
                if (stock.onHand - stock.reserved() < 0 || stock.onHand < 0) {
                    never.breaks().add(listing.getKey() + " #" + event.sequence() + ": " + stock.onHand
                            + " on hand, " + stock.reserved() + " reserved");
                }
            }
        }
        count(never, steps);

        Check leaked = check("no stock held for an order that no longer needs it");
        Map<String, String> orderStatus = lastStatus("Order", ORDER_STATUS);
        Map<String, String> shareStatus = lastStatus("VendorOrder", VENDOR_ORDER_STATUS);
        Map<String, String> shareOf = new HashMap<>();
        events.named("VendorOrderCreated").forEach(created -> shareOf.put(created.text("orderId") + "/"
                + created.text("vendorId"), created.text("vendorOrderId")));
        Map<String, String> vendorOf = new HashMap<>();
        events.named("ListingCreated").forEach(created -> vendorOf.put(created.text("listingId"),
                created.text("vendorId")));
        stocks.forEach((listing, stock) -> stock.held.keySet().forEach(order -> {
            String status = orderStatus.get(order);
            String share = shareOf.get(order + "/" + vendorOf.get(listing));
            String shareState = share == null ? null : shareStatus.get(share);
            boolean needed = "PAID".equals(status) && ("CREATED".equals(shareState) || "ACCEPTED".equals(shareState));
            if (!needed) {
                leaked.breaks().add("listing " + listing + " still holds stock for order " + order + " ("
                        + status + ", vendor order " + shareState + ")");
            }
        }));
        count(leaked, stocks.values().stream().mapToLong(stock -> stock.held.size()).sum());

        Check model = check("listings and listing_reservations equal the stock events (SQL and HTTP)");
        Map<String, List<Object>> rows = rows("""
                SELECT CAST(listing_id AS text), quantity_on_hand, reserved, available, version FROM listings""");
        Map<String, List<Object>> reservations = rows("""
                SELECT CAST(listing_id AS text) || '/' || CAST(order_id AS text), state FROM listing_reservations""");
        stocks.forEach((listing, stock) -> {
            List<Object> expected = List.of(stock.onHand, stock.reserved(), stock.onHand - stock.reserved(),
                    stock.version);
            List<Object> row = rows.get(listing);
            if (!expected.equals(row)) {
                model.breaks().add("listings row " + listing + " is " + row + ", events give " + expected
                        + " (on hand, reserved, available, version)");
            }
            stock.reservationState.forEach((order, state) -> {
                List<Object> reservation = reservations.get(listing + "/" + order);
                if (reservation == null || !state.equals(reservation.getFirst())) {
                    model.breaks().add("reservation " + listing + "/" + order + " is " + reservation + ", events: "
                            + state);
                }
            });
            Shop.Answer read = shop.get("/api/v1/listings/" + listing, staffToken);
            JsonNode shown = read.ok() ? read.json().get("stock") : null;
            if (shown == null || shown.get("onHand").asLong() != stock.onHand
                    || shown.get("reserved").asLong() != stock.reserved()) {
                model.breaks().add("GET /listings/" + listing + " shows " + (shown == null ? read : shown)
                        + ", events give " + stock.onHand + " on hand, " + stock.reserved() + " reserved");
            }
        });
        if (rows.size() != stocks.size() || reservations.size() != stocks.values().stream()
                .mapToLong(stock -> stock.reservationState.size()).sum()) {
            model.breaks().add(rows.size() + " listings rows and " + reservations.size()
                    + " reservation rows for " + stocks.size() + " listings in the store");
        }
        count(model, stocks.size() * 2L + reservations.size());
    }

    // ---------------------------------------------------------------- journal and ledger

    private record Account(String account, String currency) {
    }

    private void journal() {
        List<Stored> posted = events.named("JournalEntryPosted");
        Check once = check("each journal entry posted once, balanced per currency");
        Map<String, Integer> perOperation = new HashMap<>();
        Map<Account, long[]> accounts = new LinkedHashMap<>();
        Map<String, Long> trial = new LinkedHashMap<>();
        long postings = 0;
        for (Stored entry : posted) {
            perOperation.merge(entry.text("operation"), 1, Integer::sum);
            Map<String, Long> balance = new HashMap<>();
            for (JsonNode posting : entry.payload().get("postings")) {
                postings++;
                String currency = posting.get("amount").get("currency").asString();
                long amount = posting.get("amount").get("minorUnits").asLong();
                boolean debit = posting.get("side").asString().equals("DEBIT");
                long[] totals = accounts.computeIfAbsent(new Account(posting.get("account").asString(), currency),
                        key -> new long[3]);
                totals[debit ? 0 : 1] += amount;
                balance.merge(currency, debit ? amount : -amount, Long::sum);
                trial.merge(currency, debit ? amount : -amount, Long::sum);
            }
            balance.forEach((currency, sum) -> {
                if (sum != 0) {
                    once.breaks().add("entry " + entry.text("operation") + " off by " + sum + " " + currency);
                }
            });
            Set<Account> touched = new HashSet<>();
            entry.payload().get("postings").forEach(posting -> touched.add(new Account(
                    posting.get("account").asString(), posting.get("amount").get("currency").asString())));
            touched.forEach(account -> accounts.get(account)[2]++);
        }
        perOperation.forEach((operation, times) -> {
            if (times != 1) {
                once.breaks().add("operation " + operation + " posted " + times + " times");
            }
        });
        count(once, posted.size());

        Check captureEntries = check("every captured payment has exactly one capture entry per vendor share, "
                + "summing to the capture");
        Map<String, List<Stored>> shares = events.named("VendorOrderCreated", event -> event.text("orderId"));
        Map<String, Stored> captures = new HashMap<>();
        events.named("PaymentCaptured").forEach(capture -> captures.put(capture.text("paymentId"), capture));
        Map<String, List<Stored>> captureEntriesByPayment = new HashMap<>();
        for (Stored entry : posted) {
            String operation = entry.text("operation");
            if (operation.startsWith("capture:")) {
                captureEntriesByPayment.computeIfAbsent(operation.substring(8, operation.indexOf('/')),
                        payment -> new ArrayList<>()).add(entry);
            }
        }
        captures.forEach((payment, capture) -> {
            List<Stored> entries = captureEntriesByPayment.getOrDefault(payment, List.of());
            Set<String> expected = new HashSet<>();
            shares.getOrDefault(capture.text("orderId"), List.of())
                    .forEach(share -> expected.add("capture:" + payment + "/" + share.text("vendorOrderId")));
            Set<String> found = new HashSet<>();
            entries.forEach(entry -> found.add(entry.text("operation")));
            long cleared = entries.stream().flatMap(entry -> stream(entry.payload().get("postings")))
                    .filter(posting -> posting.get("account").asString().startsWith("gateway-clearing:")
                            && posting.get("side").asString().equals("DEBIT"))
                    .mapToLong(posting -> posting.get("amount").get("minorUnits").asLong()).sum();
            if (!found.equals(expected) || entries.size() != expected.size() || cleared != capture.minor("amount")) {
                captureEntries.breaks().add("payment " + payment + " captured " + capture.minor("amount") + ": "
                        + entries.size() + " capture entries for " + expected.size() + " shares, clearing debited "
                        + cleared);
            }
        });
        captureEntriesByPayment.keySet().stream().filter(payment -> !captures.containsKey(payment))
                .forEach(payment -> captureEntries.breaks().add("capture entry for payment " + payment
                        + " which was never captured"));
        count(captureEntries, captures.size());

        Check closing = check("every delivered share released after its return window, every closed share of a "
                + "captured order reversed (deadlines fired)");
        Map<String, String> shareStatus = lastStatus("VendorOrder", VENDOR_ORDER_STATUS);
        Map<String, String> orderOfShare = new HashMap<>();
        shares.values().forEach(list -> list.forEach(share -> orderOfShare.put(share.text("vendorOrderId"),
                share.text("orderId"))));
        Set<String> capturedOrders = new HashSet<>();
        captures.values().forEach(capture -> capturedOrders.add(capture.text("orderId")));
        shareStatus.forEach((share, status) -> {
            boolean released = perOperation.containsKey("release:" + share);
            boolean reversed = perOperation.containsKey("reversal:" + share);
            boolean captured = capturedOrders.contains(orderOfShare.get(share));
            boolean expectRelease = status.equals("DELIVERED");
            boolean expectReversal = captured && (status.equals("REJECTED") || status.equals("CANCELLED"));
            if (released != expectRelease || reversed != expectReversal) {
                closing.breaks().add("vendor order " + share + " " + status + ": released " + released
                        + ", reversed " + reversed);
            }
        });
        count(closing, shareStatus.size());

        Check trialBalance = check("trial balance zero per currency (events, trial_balance view, HTTP)");
        trial.forEach((currency, sum) -> {
            if (sum != 0) {
                trialBalance.breaks().add("events: " + currency + " off by " + sum);
            }
        });
        rows("SELECT currency, balance_minor FROM trial_balance").forEach((currency, row) -> {
            if (((Number) row.getFirst()).longValue() != 0) {
                trialBalance.breaks().add("trial_balance view: " + currency + " off by " + row.getFirst());
            }
        });
        Shop.Answer http = shop.get("/api/v1/ledger/trial-balance?size=1",
                shop.token("reliability-auditor", List.of("AUDITOR"), null));
        if (!http.ok() || !http.json().get("balanced").asBoolean()) {
            trialBalance.breaks().add("GET /ledger/trial-balance: " + http);
        }
        count(trialBalance, trial.size() * 3L);

        Check ledgerModel = check("ledger_accounts, journal_entries and journal_lines equal the journal events");
        Map<String, List<Object>> ledger = rows("""
                SELECT account || ' ' || currency, debit_minor, credit_minor, balance_minor, entries
                  FROM ledger_accounts""");
        accounts.forEach((account, totals) -> {
            List<Object> expected = List.of(totals[0], totals[1], totals[0] - totals[1], totals[2]);
            List<Object> row = ledger.get(account.account() + " " + account.currency());
            if (!expected.equals(row)) {
                ledgerModel.breaks().add("ledger_accounts " + account + " is " + row + ", events give " + expected);
            }
        });
        long entryRows = single("SELECT count(*) FROM journal_entries");
        long lineRows = single("SELECT count(*) FROM journal_lines");
        if (ledger.size() != accounts.size() || entryRows != posted.size() || lineRows != postings) {
            ledgerModel.breaks().add(ledger.size() + " accounts, " + entryRows + " entries, " + lineRows
                    + " lines in the read model; events: " + accounts.size() + ", " + posted.size() + ", " + postings);
        }
        count(ledgerModel, accounts.size() + 2L);
        this.ledgerBalances = new HashMap<>();
        accounts.forEach((account, totals) -> ledgerBalances.put(account.account() + " " + account.currency(),
                totals[0] - totals[1]));
    }

    private Map<String, Long> ledgerBalances = Map.of();

    // ---------------------------------------------------------------- wallets

    private void wallets() {
        Check equal = check("every wallet equals its ledger account, and wallet_balances its events");
        Map<String, List<Object>> rows = rows("""
                SELECT CAST(wallet_id AS text), balance_minor, available_minor, movements, version
                  FROM wallet_balances""");
        long movementRows = single("SELECT count(*) FROM wallet_movements");
        long movementEvents = 0;
        Map<String, List<Stored>> wallets = events.byAggregate("Wallet");
        for (Map.Entry<String, List<Stored>> wallet : wallets.entrySet()) {
            long balance = 0;
            long available = 0;
            long summed = 0;
            long movements = 0;
            String account = null;
            String currency = null;
            for (Stored event : wallet.getValue()) {
                if (event.name().equals("WalletOpened")) {
                    JsonNode owner = event.payload().get("owner");
                    account = (owner.get("type").asString().equals("VENDOR") ? "vendor-wallet:" : "customer-wallet:")
                            + owner.get("id").asString();
                    currency = event.text("currency");
                }
                if (WALLET_MOVEMENTS.contains(event.name())) {
                    movements++;
                    balance = event.minor("balance");
                    available = event.minor("available");
                    long amount = event.minor("amount");
                    summed += switch (event.name()) {
                        case "WalletDeposited" -> amount;
                        case "WalletHoldCaptured", "WalletWithdrawn" -> -amount;
                        default -> 0;
                    };
                }
            }
            movementEvents += movements;
            long ledger = -ledgerBalances.getOrDefault(account + " " + currency, 0L);
            if (balance != summed || balance != ledger) {
                equal.breaks().add("wallet " + wallet.getKey() + " (" + account + "): balance " + balance
                        + ", movements sum to " + summed + ", ledger account holds " + ledger);
            }
            List<Object> expected = List.of(balance, available, movements, wallet.getValue().getLast().sequence());
            if (!expected.equals(rows.get(wallet.getKey()))) {
                equal.breaks().add("wallet_balances " + wallet.getKey() + " is " + rows.get(wallet.getKey())
                        + ", events give " + expected);
            }
        }
        ledgerBalances.forEach((account, balance) -> {
            if (account.startsWith("vendor-wallet:") || account.startsWith("customer-wallet:")) {
                boolean hasWallet = wallets.values().stream().anyMatch(stream -> stream.stream()
                        .anyMatch(event -> event.name().equals("WalletOpened") && account.startsWith(
                                (event.payload().get("owner").get("type").asString().equals("VENDOR")
                                        ? "vendor-wallet:" : "customer-wallet:") + event.payload().get("owner")
                                        .get("id").asString())));
                if (!hasWallet && balance != 0) {
                    equal.breaks().add("ledger account " + account + " holds " + balance + " but has no wallet");
                }
            }
        });
        if (movementRows != movementEvents || rows.size() != wallets.size()) {
            equal.breaks().add(rows.size() + " wallets and " + movementRows + " movements in the read model; "
                    + "events: " + wallets.size() + " and " + movementEvents);
        }
        count(equal, wallets.size() + 1L);
    }

    // ---------------------------------------------------------------- read models

    private void readModels() {
        compareStatus("orders equal their events (status, version)", "Order", ORDER_STATUS,
                "SELECT CAST(order_id AS text), status, version FROM orders");
        compareStatus("vendor_orders equal their events (status, version)", "VendorOrder", VENDOR_ORDER_STATUS,
                "SELECT CAST(vendor_order_id AS text), status, version FROM vendor_orders");
        compareStatus("payments equal their events (status, version)", "Payment", PAYMENT_STATUS,
                "SELECT CAST(payment_id AS text), status, version FROM payments");

        Check timeline = check("order_timeline has each order event exactly once");
        Set<String> expected = new HashSet<>();
        for (Stored event : events.all()) {
            boolean orderEvent = Set.of("Order", "VendorOrder", "Payment").contains(event.aggregateType())
                    || (event.aggregateType().equals("Listing") && event.name().startsWith("StockReserv"));
            if (orderEvent) {
                expected.add(event.eventId());
            }
        }
        Map<String, List<Object>> rows = rows("SELECT event_id, count(*) FROM order_timeline GROUP BY event_id");
        rows.forEach((event, row) -> {
            if ((Long) row.getFirst() != 1) {
                timeline.breaks().add("event " + event + " in order_timeline " + row.getFirst() + " times");
            }
        });
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(rows.keySet());
        Set<String> extra = new HashSet<>(rows.keySet());
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            timeline.breaks().add(missing.size() + " order events missing from order_timeline, " + extra.size()
                    + " rows without an event (e.g. " + missing.stream().limit(3).toList() + ")");
        }
        count(timeline, expected.size());

        Check deadLetters = check("no event parked in a dead-letter queue");
        rows("SELECT processinggroup || ' ' || payloadtype || ' ' || sequenceidentifier, 1 FROM deadletterentry")
                .keySet().forEach(letter -> deadLetters.breaks().add(letter));
        count(deadLetters, 1);

        Check httpOrders = check("GET /orders/{id} shows each order's status as its events do");
        Map<String, String> statuses = lastStatus("Order", ORDER_STATUS);
        List<String> sample = statuses.keySet().stream().sorted().limit(40).toList();
        for (String order : sample) {
            Shop.Answer read = shop.get("/api/v1/orders/" + order, staffToken);
            if (!read.ok() || !statuses.get(order).equals(read.json().get("status").asString())) {
                httpOrders.breaks().add("order " + order + ": events say " + statuses.get(order) + ", HTTP " + read);
            }
        }
        count(httpOrders, sample.size());
    }

    private void compareStatus(String name, String aggregateType, Map<String, String> statuses, String sql) {
        Check check = check(name);
        Map<String, List<Object>> rows = rows(sql);
        Map<String, List<Stored>> aggregates = events.byAggregate(aggregateType);
        aggregates.forEach((id, stream) -> {
            String status = stream.stream().map(event -> statuses.get(event.name())).filter(Objects::nonNull)
                    .reduce((first, second) -> second).orElse(null);
            List<Object> expected = List.of(status, stream.getLast().sequence());
            if (!expected.equals(rows.get(id))) {
                check.breaks().add(aggregateType + " " + id + " is " + rows.get(id) + ", events give " + expected);
            }
        });
        if (rows.size() != aggregates.size()) {
            check.breaks().add(rows.size() + " rows for " + aggregates.size() + " aggregates");
        }
        count(check, aggregates.size());
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    /** Rows keyed by their first column; the other columns as Longs (numbers) or Strings. */
    private Map<String, List<Object>> rows(String sql) {
        Map<String, List<Object>> rows = new HashMap<>();
        query(sql, result -> {
            List<Object> values = new ArrayList<>();
            for (int column = 2; column <= result.getMetaData().getColumnCount(); column++) {
                Object value = result.getObject(column);
                values.add(value instanceof Number number ? (Object) number.longValue() : value);
            }
            rows.put(result.getString(1), values);
            return null;
        });
        return rows;
    }

    private long single(String sql) {
        List<Long> value = new ArrayList<>();
        query(sql, result -> value.add(result.getLong(1)));
        return value.getFirst();
    }

    private interface Row<T> {
        T read(ResultSet result) throws SQLException;
    }

    private void query(String sql, Row<?> row) {
        try (Connection connection = database.open(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                row.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

}
