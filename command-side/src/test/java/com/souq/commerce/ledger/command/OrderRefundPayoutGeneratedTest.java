package com.souq.commerce.ledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.souq.commerce.ledger.api.JournalEntryId;
import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.AcceptVendorOrderCommand;
import com.souq.commerce.order.api.ApproveRefundCommand;
import com.souq.commerce.order.api.CancelVendorOrderCommand;
import com.souq.commerce.order.api.CancellationParty;
import com.souq.commerce.order.api.CloseVendorOrderReturnsCommand;
import com.souq.commerce.order.api.CreateVendorOrderCommand;
import com.souq.commerce.order.api.MarkVendorOrderDeliveredCommand;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.RefundApprovedEvent;
import com.souq.commerce.order.api.RefundDestination;
import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.RefundLine;
import com.souq.commerce.order.api.RejectRefundCommand;
import com.souq.commerce.order.api.RejectVendorOrderCommand;
import com.souq.commerce.order.api.RequestRefundCommand;
import com.souq.commerce.order.api.ShipVendorOrderCommand;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.order.command.VendorOrderAggregate;
import com.souq.commerce.payment.api.CapturePaymentCommand;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.payment.api.PaymentRefundRequestedEvent;
import com.souq.commerce.payment.api.RecordPaymentAuthorizationCommand;
import com.souq.commerce.payment.api.RecordPaymentCaptureCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundCommand;
import com.souq.commerce.payment.api.RecordPaymentRefundFailureCommand;
import com.souq.commerce.payment.api.RefundPaymentCommand;
import com.souq.commerce.payment.api.RequestPaymentCommand;
import com.souq.commerce.payment.command.PaymentAggregate;
import com.souq.commerce.shared.error.DomainRuleViolation;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.PricedLine;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.DepositToWalletCommand;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.RecordPayoutOutcomeCommand;
import com.souq.commerce.wallet.api.RequestPayoutCommand;
import com.souq.commerce.wallet.api.WalletDepositedEvent;
import com.souq.commerce.wallet.api.WalletFundsHeldEvent;
import com.souq.commerce.wallet.api.WalletHoldCapturedEvent;
import com.souq.commerce.wallet.api.WalletHoldReleasedEvent;
import com.souq.commerce.wallet.api.WalletId;
import com.souq.commerce.wallet.api.WalletOwner;
import com.souq.commerce.wallet.command.WalletAggregate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Random order, refund and payout sequences through the real VendorOrder, Payment, Wallet and JournalEntry command
 * handlers (Axon without Spring, in memory). Each sequence pays one vendor's share by card, then mixes refund requests
 * (lines or amounts, some above the remainder), approvals (some racing for the same remainder), rejections, the
 * rejection or cancellation of the share (its automatic refund), delivery and the close of its returns (the release
 * to the vendor's wallet), payouts (some overdrafts; paid or failed), refunds the provider refuses (then to the
 * wallet) and repeats of earlier commands. The test plays the processes: it posts each entry the way the commission,
 * refund and payout processes post it (commission 10 % of the goods, VAT 14 % on it, refunds taking commission and
 * VAT back in proportion, rounded half-even on the running total). After every step:
 * <ul>
 *   <li>the trial balance is zero in every currency, and no journal entry was posted twice;</li>
 *   <li>every wallet's balance (as its events report it) equals its ledger account, and is never negative;</li>
 *   <li>the refunds approved, and those the payment refunds, never exceed what was captured for the share;</li>
 *   <li>once the share is released or refunded in full, nothing is left in its vendor's payable.</li>
 * </ul>
 * A failure names its seed and step.
 */
class OrderRefundPayoutGeneratedTest {

    private static final int SEQUENCES = 1_000;
    private static final int STEPS = 25;
    private static final int SEQUENCES_PER_STORE = 20;
    private static final Currency EGP = Currency.getInstance("EGP");
    private static final LedgerAccount CLEARING = LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX);
    private static final ShippingAddress ADDRESS = new ShippingAddress("Mona Adel", "+201001234567", "12 Baghdad St",
            null, "Cairo", "11341", CountryCode.of("EG"));

    private Configuration axon;
    private CommandGateway commands;
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final Map<String, Long> ledger = new HashMap<>();
    private final Map<String, Long> trialBalance = new HashMap<>();
    private final Map<String, Integer> postingsPerEntry = new HashMap<>();
    private final List<String> postedTwice = new ArrayList<>();
    private final Map<WalletId, Long> walletBalances = new HashMap<>();
    private final Map<VendorOrderId, Long> approvedByShare = new HashMap<>();
    private final Map<VendorOrderId, Long> paymentRefundsByShare = new HashMap<>();
    private final Map<String, Integer> seen = new TreeMap<>();

    private void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(configuration -> Jackson3Serializer.builder().build())
                .configureEventSerializer(configuration -> Jackson3Serializer.builder().build())
                .configureMessageSerializer(configuration -> Jackson3Serializer.builder().build())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(JournalEntry.class)
                .configureAggregate(WalletAggregate.type())
                .configureAggregate(VendorOrderAggregate.type())
                .configureAggregate(PaymentAggregate.type())
                .start();
        axon.eventBus().subscribe(events -> events.forEach(this::record));
        commands = axon.commandGateway();
    }

    @Test
    void randomOrderRefundAndPayoutSequencesKeepTheMoneySound() {
        for (int seed = 1; seed <= SEQUENCES; seed++) {
            if (seed % SEQUENCES_PER_STORE == 1) {
                if (axon != null) {
                    axon.shutdown();
                }
                startAxon();
            }
            new Sequence(seed).run();
        }
        axon.shutdown();
        System.out.println("Order/refund/payout sequences: " + SEQUENCES + " × " + STEPS + " steps; outcomes " + seen);
        assertThat(seen).containsKeys("RefundRequestedEvent", "RefundApprovedEvent", "RefundRejectedEvent",
                "PaymentRefundedEvent", "PaymentRefundFailedEvent", "VendorOrderRejectedEvent",
                "VendorOrderCancelledEvent", "VendorOrderReturnsClosedEvent", "PayoutPaidEvent", "PayoutFailedEvent",
                "refused REFUND_EXCEEDS_CAPTURED", "refused INSUFFICIENT_FUNDS", "refused QUANTITY_EXCEEDS_ORDERED",
                "refused RETURN_WINDOW_CLOSED", "repeated");
    }

    private void record(EventMessage<?> event) {
        published.add(event);
        seen.merge(event.getPayloadType().getSimpleName(), 1, Integer::sum);
        switch (event.getPayload()) {
            case JournalEntryPostedEvent posted -> {
                if (postingsPerEntry.merge(posted.entryId().value(), 1, Integer::sum) > 1) {
                    postedTwice.add(posted.operation());
                }
                for (Posting posting : posted.postings()) {
                    ledger.merge(posting.account().name(), posting.signedAmount().minorUnits(), Long::sum);
                    trialBalance.merge(posting.amount().currency().getCurrencyCode(),
                            posting.signedAmount().minorUnits(), Long::sum);
                }
            }
            case WalletDepositedEvent e -> walletBalances.put(e.walletId(), e.balance().minorUnits());
            case WalletFundsHeldEvent e -> walletBalances.put(e.walletId(), e.balance().minorUnits());
            case WalletHoldCapturedEvent e -> walletBalances.put(e.walletId(), e.balance().minorUnits());
            case WalletHoldReleasedEvent e -> walletBalances.put(e.walletId(), e.balance().minorUnits());
            case RefundApprovedEvent e -> approvedByShare.merge(e.vendorOrderId(), e.amount().minorUnits(), Long::sum);
            case PaymentRefundRequestedEvent e -> paymentRefundsByShare.merge(e.vendorOrderId(),
                    e.amount().minorUnits(), Long::sum);
            default -> {
            }
        }
    }

    /** One paid share and what happens to its money, with the test's own model of it. */
    private final class Sequence {

        private final int seed;
        private final Random random;
        private final String customer;
        private final VendorId vendor;
        private final OrderId orderId;
        private final PaymentId paymentId;
        private final VendorOrderId share;
        private final ListingId listing;
        private final int quantity;
        private final long unitPrice;
        private final long goods;
        private final long vat;
        private final long total;
        private final long commission;
        private final long tax;
        private final List<Object> sent = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        /** Requested refunds not decided yet: id → amount and lines. */
        private final Map<RefundId, RequestRefundCommand> open = new LinkedHashMap<>();
        private String status = "CREATED";
        private boolean closed;
        private long approved;
        private int approvedQuantity;
        private int step;

        Sequence(int seed) {
            this.seed = seed;
            this.random = new Random(seed);
            customer = "customer-" + seed;
            vendor = VendorId.of(new UUID(seed, random.nextLong()).toString());
            orderId = OrderId.of(new UUID(random.nextLong(), seed).toString());
            paymentId = PaymentId.forOrder(orderId);
            share = VendorOrderId.of(orderId, vendor);
            listing = ListingId.of(new UUID(random.nextLong(), random.nextLong()).toString());
            quantity = 1 + random.nextInt(5);
            unitPrice = 1 + random.nextInt(200_000);
            goods = unitPrice * quantity;
            vat = percent(goods, 1_400);
            total = goods + vat;
            commission = percent(goods, 1_000);
            tax = percent(commission, 1_400);
        }

        void run() {
            payAndSplit();
            for (step = 1; step <= STEPS; step++) {
                switch (random.nextInt(12)) {
                    case 0, 1 -> requestRefund();
                    case 2, 3 -> approveRefund();
                    case 4 -> rejectRefund();
                    case 5 -> raceForTheRemainder();
                    case 6 -> withdrawShare();
                    case 7 -> deliverAndCloseReturns();
                    case 8, 9 -> payout();
                    default -> repeat();
                }
                check();
            }
        }

        private void payAndSplit() {
            Money amount = egp(total);
            send(new RequestPaymentCommand(paymentId, orderId, customer, amount,
                    PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE)));
            send(new RecordPaymentAuthorizationCommand(paymentId, "sandbox_" + paymentId, amount));
            send(new CapturePaymentCommand(paymentId));
            send(new RecordPaymentCaptureCommand(paymentId, "sandbox_" + paymentId, amount));
            send(new CreateVendorOrderCommand(share, orderId, vendor, customer, ADDRESS,
                    List.of(new OrderLine(listing, vendor, quantity, egp(unitPrice))),
                    new VendorTotals(vendor.value(), List.of(new PricedLine(listing.value(), vendor.value(), quantity,
                            egp(unitPrice), egp(goods), egp(vat))), egp(goods), egp(0), egp(0), egp(vat),
                            egp(total))));
            post(Operations.captureShare(paymentId, share), Posting.debit(CLEARING, egp(total)),
                    credit(LedgerAccount.vendorPayable(vendor), total - commission - tax),
                    credit(LedgerAccount.platformCommission(), commission),
                    credit(LedgerAccount.taxPayable(CountryCode.of("EG")), tax));
        }

        private void requestRefund() {
            RefundId id = RefundId.random();
            RefundDestination destination = random.nextBoolean() ? RefundDestination.ORIGINAL_PAYMENT
                    : RefundDestination.CUSTOMER_WALLET;
            if (random.nextInt(3) == 0) {
                int asked = 1 + random.nextInt(quantity + 1);
                int pending = open.values().stream().flatMap(request -> request.lines().stream())
                        .mapToInt(RefundLine::quantity).sum();
                RequestRefundCommand command = new RequestRefundCommand(share, id, customer,
                        List.of(new RefundLine(listing, asked)), null, destination, false, "lines");
                if (!refundsOpen()) {
                    expectRefused(command, null);
                } else if (approvedQuantity + pending + asked > quantity) {
                    expectRefused(command, "QUANTITY_EXCEEDS_ORDERED");
                } else if (approved + lineAmount(approvedQuantity + pending, asked) > total) {
                    expectRefused(command, "REFUND_EXCEEDS_CAPTURED");
                } else {
                    sendExpecting(command, "RefundRequestedEvent");
                    open.put(id, command);
                }
                return;
            }
            long amount = 1 + random.nextLong(Math.max(1, (total - approved) * 4 / 3 + 1));
            RequestRefundCommand command = new RequestRefundCommand(share, id, customer, List.of(), egp(amount),
                    destination, false, "amount");
            if (!refundsOpen()) {
                expectRefused(command, null);
            } else if (approved + amount > total) {
                expectRefused(command, "REFUND_EXCEEDS_CAPTURED");
            } else {
                sendExpecting(command, "RefundRequestedEvent");
                open.put(id, command);
            }
        }

        private void approveRefund() {
            if (open.isEmpty()) {
                return;
            }
            RefundId id = new ArrayList<>(open.keySet()).get(random.nextInt(open.size()));
            approve(id);
        }

        private void approve(RefundId id) {
            RequestRefundCommand request = open.get(id);
            ApproveRefundCommand command = new ApproveRefundCommand(share, id, random.nextBoolean() ? vendor : null,
                    "staff");
            long amount = amountOf(request);
            int lineQuantity = request.lines().stream().mapToInt(RefundLine::quantity).sum();
            if (approved + amount > total || approvedQuantity + lineQuantity > quantity) {
                expectRefused(command, "REFUND_EXCEEDS_CAPTURED");
                return;
            }
            sendExpecting(command, "RefundApprovedEvent");
            open.remove(id);
            approvedQuantity += lineQuantity;
            refund(id, amount, request.destination(), false);
        }

        /** Goods and their VAT pro rata, the VAT rounded on the line's running refunded quantity. */
        private long lineAmount(int before, int asked) {
            return unitPrice * asked + proportionOfVat(before + asked) - proportionOfVat(before);
        }

        private long proportionOfVat(int refundedQuantity) {
            return BigDecimal.valueOf(vat).multiply(BigDecimal.valueOf(refundedQuantity))
                    .divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_EVEN).longValueExact();
        }

        /** What the aggregate made of the request: the amount its event carried. */
        private long amountOf(RequestRefundCommand request) {
            for (int i = published.size() - 1; i >= 0; i--) {
                if (published.get(i).getPayload() instanceof com.souq.commerce.order.api.RefundRequestedEvent e
                        && e.refundId().equals(request.refundId())) {
                    return e.amount().minorUnits();
                }
            }
            throw new IllegalStateException("no request event for " + request.refundId());
        }

        private void rejectRefund() {
            if (open.isEmpty()) {
                return;
            }
            RefundId id = new ArrayList<>(open.keySet()).get(random.nextInt(open.size()));
            sendExpecting(new RejectRefundCommand(share, id, vendor, "staff", "no"), "RefundRejectedEvent");
            open.remove(id);
        }

        /** Two requests for the whole remainder, approved one after the other: the second is refused. */
        private void raceForTheRemainder() {
            if (!refundsOpen() || approved == total) {
                return;
            }
            List<RefundId> twins = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RefundId id = RefundId.random();
                RequestRefundCommand command = new RequestRefundCommand(share, id, customer, List.of(),
                        egp(total - approved), RefundDestination.CUSTOMER_WALLET, false, "race");
                sendExpecting(command, "RefundRequestedEvent");
                open.put(id, command);
                twins.add(id);
            }
            approve(twins.get(0));
            approve(twins.get(1));
        }

        /** The vendor rejects (before accepting) or someone cancels (before shipping): the rest comes back. */
        private void withdrawShare() {
            if (!status.equals("CREATED") && !status.equals("ACCEPTED")) {
                return;
            }
            long rest = total - approved;
            if (status.equals("CREATED") && random.nextBoolean()) {
                sendExpecting(new RejectVendorOrderCommand(share, vendor, "out of stock"), "VendorOrderRejectedEvent");
            } else {
                sendExpecting(new CancelVendorOrderCommand(share, CancellationParty.CUSTOMER, customer, null,
                        "changed my mind", false), "VendorOrderCancelledEvent");
            }
            status = "WITHDRAWN";
            open.clear();
            if (rest > 0) {
                reverse(Operations.shareReversal(share), approved, total);
                approved = total;
                payBack(RefundId.forWithdrawal(share), rest, RefundDestination.ORIGINAL_PAYMENT);
            }
        }

        private void deliverAndCloseReturns() {
            if (status.equals("WITHDRAWN") || closed) {
                return;
            }
            if (status.equals("CREATED")) {
                // fulfilment steps are not repeated later: an earlier step once the order moved on is refused
                send(new AcceptVendorOrderCommand(share, vendor));
                send(new ShipVendorOrderCommand(share, vendor, "Aramex", "AWB-" + seed));
                send(new MarkVendorOrderDeliveredCommand(share, vendor));
                sent.removeIf(command -> command instanceof AcceptVendorOrderCommand
                        || command instanceof ShipVendorOrderCommand);
                status = "DELIVERED";
                return;
            }
            Money refunded = commands.sendAndWait(new CloseVendorOrderReturnsCommand(share));
            log.add(step + ": close returns → " + refunded);
            require(refunded.minorUnits() == approved, () -> "closing answered " + refunded + ", approved "
                    + approved);
            closed = true;
            open.clear();
            long releasable = (total - commission - tax) - payableBack(approved);
            if (releasable > 0) {
                String release = Operations.release(share);
                post(release, Posting.debit(LedgerAccount.vendorPayable(vendor), egp(releasable)),
                        credit(LedgerAccount.vendorWallet(vendor), releasable));
                send(DepositToWalletCommand.of(WalletOwner.vendor(vendor), JournalEntryId.forOperation(release)
                        .value(), egp(releasable), release));
            }
        }

        private void payout() {
            WalletOwner owner = WalletOwner.vendor(vendor);
            long balance = walletBalances.getOrDefault(WalletId.of(owner, EGP), 0L);
            long amount = 1 + random.nextLong(Math.max(1, balance * 4 / 3 + 1));
            PayoutId payoutId = PayoutId.random();
            RequestPayoutCommand command = RequestPayoutCommand.of(owner, payoutId, egp(amount), "sandbox-succeed",
                    "staff");
            if (amount > balance) {
                expectRefused(command, "INSUFFICIENT_FUNDS");
                return;
            }
            sendExpecting(command, "PayoutRequestedEvent");
            boolean paid = random.nextInt(3) > 0;
            send(new RecordPayoutOutcomeCommand(WalletId.of(owner, EGP), payoutId, paid, paid ? null : "closed"));
            if (paid) {
                post(Operations.payout(payoutId), Posting.debit(LedgerAccount.vendorWallet(vendor), egp(amount)),
                        credit(LedgerAccount.payoutsClearing(), amount));
            }
        }

        private void repeat() {
            if (sent.isEmpty()) {
                return;
            }
            Object command = sent.get(random.nextInt(sent.size()));
            int before = published.size();
            log.add(step + ": again " + command);
            commands.sendAndWait(command);
            require(published.size() == before, () -> "repeating " + command + " published "
                    + published.subList(before, published.size()));
            seen.merge("repeated", 1, Integer::sum);
        }

        /** The approved refund as the processes move it: its share of the split back, then the money out. */
        private void refund(RefundId id, long amount, RefundDestination destination, boolean automatic) {
            reverse(Operations.refundReversal(id), approved, approved + amount);
            approved += amount;
            payBack(id, amount, destination);
        }

        private void reverse(String operation, long from, long to) {
            long commissionBack = proportion(commission, to) - proportion(commission, from);
            long taxBack = proportion(tax, to) - proportion(tax, from);
            long payableBack = (to - from) - commissionBack - taxBack;
            List<Posting> postings = new ArrayList<>();
            if (payableBack != 0) {
                postings.add(Posting.debit(LedgerAccount.vendorPayable(vendor), egp(payableBack)));
            }
            if (commissionBack != 0) {
                postings.add(Posting.debit(LedgerAccount.platformCommission(), egp(commissionBack)));
            }
            if (taxBack != 0) {
                postings.add(Posting.debit(LedgerAccount.taxPayable(CountryCode.of("EG")), egp(taxBack)));
            }
            postings.add(credit(LedgerAccount.refundsClearing(), to - from));
            post(operation, postings.toArray(Posting[]::new));
        }

        /** The Payment refunds it: the provider refuses one refund in four, which then goes to the wallet. */
        private void payBack(RefundId id, long amount, RefundDestination destination) {
            sendExpecting(new RefundPaymentCommand(paymentId, id, share, egp(amount), egp(total), destination),
                    "PaymentRefundRequestedEvent");
            RefundDestination reached = destination;
            if (destination == RefundDestination.ORIGINAL_PAYMENT && random.nextInt(4) == 0) {
                sendExpecting(new RecordPaymentRefundFailureCommand(paymentId, id, "charge_disputed"),
                        "PaymentRefundFailedEvent");
                reached = RefundDestination.CUSTOMER_WALLET;
            }
            sendExpecting(new RecordPaymentRefundCommand(paymentId, id, "ref-" + id), "PaymentRefundedEvent");
            String operation = Operations.refund(id);
            boolean toWallet = reached == RefundDestination.CUSTOMER_WALLET;
            post(operation, Posting.debit(LedgerAccount.refundsClearing(), egp(amount)),
                    credit(toWallet ? LedgerAccount.customerWallet(customer) : CLEARING, amount));
            if (toWallet) {
                send(DepositToWalletCommand.of(WalletOwner.customer(customer),
                        JournalEntryId.forOperation(operation).value(), egp(amount), operation));
            }
        }

        private long payableBack(long refunded) {
            return refunded - proportion(commission, refunded) - proportion(tax, refunded);
        }

        private long proportion(long part, long refunded) {
            return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(refunded))
                    .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_EVEN).longValueExact();
        }

        private boolean refundsOpen() {
            return !status.equals("WITHDRAWN") && !closed;
        }

        private void check() {
            trialBalance.forEach((currency, sum) -> require(sum == 0, () -> "trial balance in " + currency + " is "
                    + sum));
            require(postedTwice.isEmpty(), () -> "entries posted twice: " + postedTwice);
            for (WalletOwner owner : List.of(WalletOwner.customer(customer), WalletOwner.vendor(vendor))) {
                long balance = walletBalances.getOrDefault(WalletId.of(owner, EGP), 0L);
                long account = -ledger.getOrDefault(owner.ledgerAccount().name(), 0L);
                require(balance >= 0, () -> "negative wallet of " + owner + ": " + balance);
                require(balance == account, () -> "wallet of " + owner + " holds " + balance + ", its account "
                        + account);
            }
            long approvedInAll = approvedByShare.getOrDefault(share, 0L);
            long refundedInAll = paymentRefundsByShare.getOrDefault(share, 0L);
            require(approvedInAll <= total && refundedInAll <= total, () -> "refunds " + approvedInAll + " approved, "
                    + refundedInAll + " refunded of " + total + " captured");
            require(approvedInAll == approved, () -> "approved " + approvedInAll + ", the model " + approved);
            if (status.equals("WITHDRAWN") || closed) {
                long payable = ledger.getOrDefault(LedgerAccount.vendorPayable(vendor).name(), 0L);
                require(payable == 0, () -> "vendor payable left " + payable + " after the share settled");
            }
        }

        private void post(String operation, Posting... postings) {
            sendExpecting(PostJournalEntryCommand.of(operation, null, List.of(postings), operation, null, null),
                    "JournalEntryPostedEvent");
        }

        private void send(Object command) {
            log.add(step + ": " + command);
            try {
                commands.sendAndWait(command);
            } catch (RuntimeException failure) {
                fail(failure(command + " failed: " + failure), failure);
            }
            sent.add(command);
        }

        private void sendExpecting(Object command, String event) {
            int before = published.size();
            send(command);
            List<String> types = published.subList(before, published.size()).stream()
                    .map(message -> message.getPayloadType().getSimpleName()).toList();
            require(types.contains(event), () -> command + " published " + types + ", expected " + event);
        }

        private void expectRefused(Object command, String code) {
            int before = published.size();
            log.add(step + ": " + command);
            try {
                commands.sendAndWait(command);
                fail(failure(command + " was accepted, expected " + (code == null ? "a refusal" : code)));
            } catch (RuntimeException refused) {
                DomainRuleViolation violation = violationIn(refused);
                require(violation != null && (code == null || violation.code().equals(code)), () -> command
                        + " failed with " + refused + ", expected " + code);
                seen.merge("refused " + violation.code(), 1, Integer::sum);
            }
            require(published.size() == before, () -> "refused " + command + " published "
                    + published.subList(before, published.size()));
        }

        private Posting credit(LedgerAccount account, long amount) {
            return Posting.credit(account, egp(amount));
        }

        private void require(boolean condition, Supplier<String> problem) {
            if (!condition) {
                fail(failure(problem.get()));
            }
        }

        private String failure(String problem) {
            return "seed " + seed + ", step " + step + ": " + problem + "\nsteps:\n" + String.join("\n", log);
        }

        private static long percent(long amount, int basisPoints) {
            return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
        }

        private static Money egp(long minorUnits) {
            return new Money(minorUnits, EGP);
        }

        private static DomainRuleViolation violationIn(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainRuleViolation violation) {
                    return violation;
                }
            }
            return null;
        }
    }
}
