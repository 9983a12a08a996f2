package com.souq.commerce.shared.pricing;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.CurrencyMismatchException;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prices a cart or an order. The rules, in minor units throughout:
 * <ol>
 *   <li>a line's total is its unit price times its quantity, exact;</li>
 *   <li>VAT is computed per line on the line total at the shipping country's rate and rounded half-even, and once
 *       more on each vendor's shipping fee; every VAT sum is the sum of those rounded amounts, never a rounding of a
 *       sum, so the parts always add up to the whole;</li>
 *   <li>each vendor charges its shipping fee once per order, waived from its free-shipping threshold (compared with
 *       the vendor's subtotal before VAT);</li>
 *   <li>everything is in one currency: a second currency is refused.</li>
 * </ol>
 * Vendors appear in the order their first line does, so the same cart always prices the same way.
 */
public final class Pricing {

    private final VatTable vat;
    private final Function<String, ShippingPolicy> shippingOfVendor;

    public Pricing(VatTable vat, Function<String, ShippingPolicy> shippingOfVendor) {
        this.vat = vat;
        this.shippingOfVendor = shippingOfVendor;
    }

    public OrderTotals price(List<PriceLine> lines, CountryCode shipTo) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Nothing to price");
        }
        Currency currency = lines.getFirst().unitPrice().currency();
        Rate rate = vat.rateFor(shipTo);
        Map<String, List<PricedLine>> byVendor = new LinkedHashMap<>();
        for (PriceLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, line.unitPrice().currency());
            }
            Money total = line.unitPrice().times(line.quantity());
            byVendor.computeIfAbsent(line.vendorId(), vendor -> new ArrayList<>())
                    .add(new PricedLine(line.lineId(), line.vendorId(), line.quantity(), line.unitPrice(), total,
                            total.times(rate)));
        }
        List<VendorTotals> vendors = new ArrayList<>();
        byVendor.forEach((vendorId, priced) -> vendors.add(vendorTotals(vendorId, priced, rate, currency)));
        Money subtotal = sum(vendors, VendorTotals::subtotal, currency);
        Money shipping = sum(vendors, VendorTotals::shipping, currency);
        Money vatTotal = sum(vendors, VendorTotals::vat, currency);
        return new OrderTotals(shipTo, rate, List.copyOf(vendors), subtotal, shipping, vatTotal,
                subtotal.plus(shipping).plus(vatTotal));
    }

    private VendorTotals vendorTotals(String vendorId, List<PricedLine> lines, Rate rate, Currency currency) {
        Money subtotal = sum(lines, PricedLine::total, currency);
        Money shipping = shippingOfVendor.apply(vendorId).feeFor(subtotal);
        if (!shipping.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, shipping.currency());
        }
        Money shippingVat = shipping.times(rate);
        Money vat = sum(lines, PricedLine::vat, currency).plus(shippingVat);
        return new VendorTotals(vendorId, List.copyOf(lines), subtotal, shipping, shippingVat, vat,
                subtotal.plus(shipping).plus(vat));
    }

    private static <T> Money sum(List<T> items, Function<T, Money> amount, Currency currency) {
        Money total = Money.zero(currency);
        for (T item : items) {
            total = total.plus(amount.apply(item));
        }
        return total;
    }
}
