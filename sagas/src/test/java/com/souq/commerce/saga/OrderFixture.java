package com.souq.commerce.saga;

import com.souq.commerce.cart.api.CartId;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.order.api.OrderPaidEvent;
import com.souq.commerce.order.api.OrderPlacedEvent;
import com.souq.commerce.order.api.ShippingAddress;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentInstruction;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.OrderTotals;
import com.souq.commerce.shared.pricing.PriceLine;
import com.souq.commerce.shared.pricing.Pricing;
import com.souq.commerce.shared.pricing.ShippingPolicy;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;

/** One customer's order of brake pads from Cairo Parts and tyres from Giza Tyres, shipped to Heliopolis. */
public final class OrderFixture {

    public static final String CUSTOMER = "customer-heliopolis";
    public static final OrderId ORDER = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
    public static final PaymentId PAYMENT = PaymentId.forOrder(ORDER);
    public static final VendorId CAIRO_PARTS = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");
    public static final VendorId GIZA_TYRES = VendorId.of("0b6f4a52-3c55-4f0e-9d7e-5b0f3f1b8a01");
    public static final ListingId BRAKE_PADS = ListingId.of("11111111-1111-4111-8111-111111111111");
    public static final ListingId TYRE = ListingId.of("22222222-2222-4222-8222-222222222222");
    public static final PaymentInstruction CARD = PaymentInstruction.sandbox(PaymentInstruction.SANDBOX_APPROVE);
    public static final ShippingAddress HELIOPOLIS = new ShippingAddress("Mona Adel", "+201001234567",
            "12 Baghdad St", null, "Cairo", "11341", CountryCode.of("EG"));
    public static final OrderLine PADS_LINE = new OrderLine(BRAKE_PADS, CAIRO_PARTS, 2, Money.of(350_00, "EGP"));
    public static final OrderLine TYRES_LINE = new OrderLine(TYRE, GIZA_TYRES, 4, Money.of(1_250_00, "EGP"));
    public static final List<OrderLine> LINES = List.of(PADS_LINE, TYRES_LINE);
    public static final OrderTotals TOTALS = new Pricing(VatTable.seed(),
            vendor -> new ShippingPolicy(Money.of(50_00, "EGP"), null))
            .price(LINES.stream().map(line -> new PriceLine(line.listingId().value(), line.vendorId().value(),
                    line.quantity(), line.unitPrice())).toList(), CountryCode.of("EG"));

    private OrderFixture() {
    }

    public static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(ORDER, CartId.ofCustomer(CUSTOMER), CUSTOMER, HELIOPOLIS, LINES, TOTALS, CARD);
    }

    public static OrderPaidEvent paid() {
        return new OrderPaidEvent(ORDER, CUSTOMER, PAYMENT, TOTALS.grandTotal(), HELIOPOLIS, LINES, TOTALS);
    }
}
