package com.souq.commerce.order.query;

import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.pricing.PricedLine;
import com.souq.commerce.shared.pricing.VendorTotals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the priced figures (exact total, rounded VAT) of an order line among the totals its event carries. Checkout
 * prices a line under its listing's id; a line the totals do not name gets unit price × quantity and no VAT rather
 * than failing the projection.
 */
final class PricedLines {

    private final Map<String, PricedLine> byVendorAndListing = new HashMap<>();

    private PricedLines(List<VendorTotals> vendors) {
        vendors.forEach(vendor -> vendor.lines().forEach(line ->
                byVendorAndListing.put(line.vendorId() + "/" + line.lineId(), line)));
    }

    static PricedLines of(List<VendorTotals> vendors) {
        return new PricedLines(vendors);
    }

    Money totalOf(OrderLine line) {
        PricedLine priced = find(line);
        return priced == null ? line.unitPrice().times(line.quantity()) : priced.total();
    }

    Long vatOf(OrderLine line) {
        PricedLine priced = find(line);
        return priced == null ? null : priced.vat().minorUnits();
    }

    private PricedLine find(OrderLine line) {
        return byVendorAndListing.get(line.vendorId().value() + "/" + line.listingId().value());
    }
}
