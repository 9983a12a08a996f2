package com.souq.commerce.saga.commission;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.ledger.api.Posting;
import com.souq.commerce.listing.api.ListingId;
import com.souq.commerce.order.api.OrderLine;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.shared.pricing.VatTable;
import com.souq.commerce.shared.pricing.VendorTotals;
import com.souq.commerce.vendor.api.VendorId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one vendor's share of a captured payment divides between the vendor, the platform and the tax authority.
 *
 * <p>The rule, in minor units throughout:
 * <ol>
 *   <li>the commission is charged on the goods only: each line's total (unit price × quantity, before VAT) times the
 *       rate of the listing's category in the vendor's plan (the plan's default when the category has no rate of
 *       its own), rounded half-even per line; the commission is the sum of those rounded amounts. Shipping and the
 *       VAT the customer paid are not commissioned;</li>
 *   <li>VAT on the commission is charged on top of it at the rate of the vendor's country (the platform's service is
 *       supplied there), rounded half-even once; a country without a rate in {@code souq.pricing.vat-rates} is
 *       charged none;</li>
 *   <li>the vendor's payable is the share's total (goods, shipping and the VAT the customer paid, which the vendor
 *       owes its tax authority as the seller) minus the commission and the VAT on it.</li>
 * </ol>
 * The entry of the capture debits the provider's clearing account with the share's total and credits the vendor's
 * payable, the platform's commission and the tax payable of the vendor's country, so it balances by construction.
 */
record CommissionSplit(Money shareTotal, Money commissionBase, Money commission, CountryCode taxCountry,
                       Rate taxRate, Money tax, Money payable, Map<String, String> details) {

    static CommissionSplit of(VendorTotals share, List<OrderLine> lines, CommissionTerms terms, VatTable vat) {
        Money base = Money.zero(share.total().currency());
        Money commission = Money.zero(share.total().currency());
        Map<String, String> details = new TreeMap<>();
        details.put("commission.rate.default", bp(terms.plan().defaultRate()));
        for (OrderLine line : lines) {
            Money lineTotal = line.unitPrice().times(line.quantity());
            Rate rate = terms.rateFor(line.listingId());
            base = base.plus(lineTotal);
            commission = commission.plus(lineTotal.times(rate));
            details.put("commission.rate." + category(terms, line.listingId()), bp(rate));
        }
        Rate taxRate = vat.rates().getOrDefault(terms.country(), new Rate(0));
        Money tax = commission.times(taxRate);
        Money payable = share.total().minus(commission).minus(tax);
        details.put("commission.base", Long.toString(base.minorUnits()));
        details.put("commission.amount", Long.toString(commission.minorUnits()));
        details.put("commission.vat.country", terms.country().value());
        details.put("commission.vat.rate", bp(taxRate));
        details.put("commission.vat.amount", Long.toString(tax.minorUnits()));
        details.put("commission.terms.asOf", terms.asOf().toString());
        details.put("share.subtotal", Long.toString(share.subtotal().minorUnits()));
        details.put("share.shipping", Long.toString(share.shipping().minorUnits()));
        details.put("share.vat", Long.toString(share.vat().minorUnits()));
        details.put("share.total", Long.toString(share.total().minorUnits()));
        details.put("vendor.payable", Long.toString(payable.minorUnits()));
        return new CommissionSplit(share.total(), base, commission, terms.country(), taxRate, tax, payable,
                Map.copyOf(details));
    }

    /** The capture: the provider holds the share's total for the marketplace; who is owed what of it. */
    List<Posting> capture(VendorId vendorId, PaymentProvider provider) {
        return capture(vendorId, provider, Money.zero(shareTotal.currency()), null);
    }

    /**
     * The capture of a share the customer's wallet paid {@code fromWallet} of (at most the share's total): that part
     * is debited to the customer's wallet account (what the marketplace owed the customer it now keeps), the rest to
     * the provider's clearing account; the credits are as for any capture, so the entry balances by construction.
     */
    List<Posting> capture(VendorId vendorId, PaymentProvider provider, Money fromWallet, String customerSubject) {
        List<Posting> postings = new ArrayList<>();
        add(postings, LedgerAccount.gatewayClearing(provider), shareTotal.minus(fromWallet));
        if (!fromWallet.isZero()) {
            add(postings, LedgerAccount.customerWallet(customerSubject), fromWallet);
        }
        add(postings, LedgerAccount.vendorPayable(vendorId), payable.negated());
        add(postings, LedgerAccount.platformCommission(), commission.negated());
        add(postings, LedgerAccount.taxPayable(taxCountry), tax.negated());
        return postings;
    }

    /**
     * The share was rejected or cancelled before its payable was released: the vendor, the platform and the tax
     * authority give their parts back, and the whole share is owed back to the customer (refunds clearing) until the
     * refund moves it out.
     */
    List<Posting> reversal(VendorId vendorId) {
        return refundReversal(vendorId, Money.zero(shareTotal.currency()), shareTotal);
    }

    /**
     * Refunds of the share went from {@code from} to {@code to} in all: the vendor, the platform and the tax authority
     * give back their parts of the difference, which is owed to the customer (refunds clearing).
     *
     * <p>The rounding rule: the commission and the tax taken back by refunds totalling R of a share total T are
     * {@code commission × R / T} and {@code tax × R / T}, each rounded half-even to the minor unit <em>on the running
     * total</em> of the share's refunds; one refund takes back the difference between the running totals after and
     * before it; the payable gives back the rest of the refund. So the parts never drift however a share is refunded
     * in pieces, and a share refunded in full gives back exactly its commission, tax and payable.
     */
    List<Posting> refundReversal(VendorId vendorId, Money from, Money to) {
        Portion before = refundedUpTo(from);
        Portion after = refundedUpTo(to);
        List<Posting> postings = new ArrayList<>();
        add(postings, LedgerAccount.vendorPayable(vendorId), after.payable().minus(before.payable()));
        add(postings, LedgerAccount.platformCommission(), after.commission().minus(before.commission()));
        add(postings, LedgerAccount.taxPayable(taxCountry), after.tax().minus(before.tax()));
        add(postings, LedgerAccount.refundsClearing(), to.minus(from).negated());
        return postings;
    }

    /** What refunds of the share totalling {@code refunded} took back of each part (see {@link #refundReversal}). */
    Portion refundedUpTo(Money refunded) {
        Money commissionBack = proportion(commission, refunded);
        Money taxBack = proportion(tax, refunded);
        return new Portion(commissionBack, taxBack, refunded.minus(commissionBack).minus(taxBack));
    }

    /** The payable still owed to the vendor once refunds totalling {@code refunded} were taken back from the share. */
    Money payableAfter(Money refunded) {
        return payable.minus(refundedUpTo(refunded).payable());
    }

    private Money proportion(Money part, Money refunded) {
        if (shareTotal.isZero()) {
            return Money.zero(part.currency());
        }
        return new Money(BigDecimal.valueOf(part.minorUnits()).multiply(BigDecimal.valueOf(refunded.minorUnits()))
                .divide(BigDecimal.valueOf(shareTotal.minorUnits()), 0, RoundingMode.HALF_EVEN).longValueExact(),
                part.currency());
    }

    /** The parts of a share that refunds took back: commission, tax on it, and the vendor's payable. */
    record Portion(Money commission, Money tax, Money payable) {
    }

    /** The return window passed: the payable (what refunds left of it) becomes money the vendor may withdraw. */
    List<Posting> release(VendorId vendorId, Money released) {
        List<Posting> postings = new ArrayList<>();
        add(postings, LedgerAccount.vendorPayable(vendorId), released);
        add(postings, LedgerAccount.vendorWallet(vendorId), released.negated());
        return postings;
    }

    String describe() {
        return "commission " + commission + " on goods of " + commissionBase + ", VAT " + percent(taxRate) + " ("
                + taxCountry + ") on it " + tax + ", payable to the vendor " + payable + " of " + shareTotal;
    }

    /** A signed amount as a line: positive is a debit, negative a credit, nothing is no line at all. */
    private static void add(List<Posting> postings, LedgerAccount account, Money signed) {
        if (signed.isZero()) {
            return;
        }
        postings.add(signed.isNegative() ? Posting.credit(account, signed.negated()) : Posting.debit(account, signed));
    }

    private static String category(CommissionTerms terms, ListingId listingId) {
        String category = terms.categoryOf(listingId);
        return category == null ? "uncategorized" : category;
    }

    private static String bp(Rate rate) {
        return Integer.toString(rate.basisPoints());
    }

    private static String percent(Rate rate) {
        return BigDecimal.valueOf(rate.basisPoints(), 2).toPlainString() + " %";
    }
}
