package com.souq.commerce.ledger.command;

import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.JournalReferences;
import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Operations;
import com.souq.commerce.ledger.api.PostJournalEntryCommand;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Cairo Parts' share of one sandbox-paid order (798.00 EGP: 700.00 of brake pads + 98.00 VAT) split as the commission
 * process posts it: 6 % commission on the goods (42.00), 14 % VAT on that commission (5.88), the rest payable.
 */
final class JournalFixture {

    static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    static final VendorId CAIRO_PARTS = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    static final VendorOrderId SHARE = VendorOrderId.of(ORDER, CAIRO_PARTS);
    static final String OPERATION = Operations.captureShare(PAYMENT, SHARE);
    static final Instant CAPTURED_AT = Instant.parse("2026-03-01T10:15:30Z");
    static final JournalReferences REFERENCES = new JournalReferences(ORDER, SHARE, CAIRO_PARTS, PAYMENT,
            "customer-heliopolis");
    static final Map<String, String> DETAILS = Map.of("commissionRate.spare-parts", "600");

    static final List<Posting> SPLIT = List.of(
            Posting.debit(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX), egp(798_00)),
            Posting.credit(LedgerAccount.vendorPayable(CAIRO_PARTS), egp(750_12)),
            Posting.credit(LedgerAccount.platformCommission(), egp(42_00)),
            Posting.credit(LedgerAccount.taxPayable(CountryCode.of("EG")), egp(5_88)));

    private JournalFixture() {
    }

    static Money egp(long minorUnits) {
        return Money.of(minorUnits, "EGP");
    }

    static PostJournalEntryCommand post(List<Posting> postings) {
        return PostJournalEntryCommand.of(OPERATION, CAPTURED_AT, postings, "Capture split", REFERENCES, DETAILS);
    }

    static JournalEntryPostedEvent posted(List<Posting> postings) {
        PostJournalEntryCommand command = post(postings);
        return new JournalEntryPostedEvent(command.entryId(), OPERATION, CAPTURED_AT, postings, "Capture split",
                REFERENCES, DETAILS);
    }
}
