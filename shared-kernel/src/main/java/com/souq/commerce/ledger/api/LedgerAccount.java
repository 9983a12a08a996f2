package com.souq.commerce.ledger.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.Identifiers;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.vendor.api.VendorId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account of the double-entry ledger, named {@code kind} or {@code kind:qualifier}
 * ({@code vendor-payable:<vendorId>}, {@code tax-payable:EG}); serialized as that name. Balances are kept per
 * account and currency.
 *
 * <p>Sign convention: every balance is stored and reported <em>debit-positive</em> (debits minus credits), so the
 * balances of all accounts of one currency sum to zero. {@link Kind#normalBalance()} says on which side an account
 * normally stands: an asset (gateway clearing: money the provider holds for the marketplace) is debit-normal and
 * shows a positive balance; liabilities (wallets, payables, tax, clearing accounts) and revenue (platform commission)
 * are credit-normal and show a negative one. {@link #inNormalDirection(long)} turns a balance into the positive
 * amount a person expects to read ("the vendor is owed 600.00").
 */
public record LedgerAccount(Kind kind, String qualifier) {

    /** Which side an account normally stands on. */
    public enum NormalBalance { DEBIT, CREDIT }

    /** The kinds of account; each says whether and how it is qualified and which side it normally stands on. */
    public enum Kind {
        /** What the marketplace owes a customer: their wallet balance (qualifier: the customer's subject). */
        CUSTOMER_WALLET("customer-wallet", NormalBalance.CREDIT, Qualifier.SUBJECT),
        /** What a vendor earned but may not withdraw yet: shares within their return window (qualifier: vendor id). */
        VENDOR_PAYABLE("vendor-payable", NormalBalance.CREDIT, Qualifier.UUID),
        /** What a vendor may withdraw: its wallet balance (qualifier: vendor id). */
        VENDOR_WALLET("vendor-wallet", NormalBalance.CREDIT, Qualifier.UUID),
        /** The platform's commission revenue, net of the tax on it. */
        PLATFORM_COMMISSION("platform-commission", NormalBalance.CREDIT, Qualifier.NONE),
        /** Tax on commission owed to a country's tax authority (qualifier: ISO country code). */
        TAX_PAYABLE("tax-payable", NormalBalance.CREDIT, Qualifier.COUNTRY),
        /** Money a payment provider holds for the marketplace (qualifier: the provider, lower case). */
        GATEWAY_CLEARING("gateway-clearing", NormalBalance.DEBIT, Qualifier.SLUG),
        /** Money owed back to customers and not refunded yet. */
        REFUNDS_CLEARING("refunds-clearing", NormalBalance.CREDIT, Qualifier.NONE),
        /** Money on its way to vendors' banks, until the payout provider confirms. */
        PAYOUTS_CLEARING("payouts-clearing", NormalBalance.CREDIT, Qualifier.NONE);

        private final String slug;
        private final NormalBalance normalBalance;
        private final Qualifier qualifier;

        Kind(String slug, NormalBalance normalBalance, Qualifier qualifier) {
            this.slug = slug;
            this.normalBalance = normalBalance;
            this.qualifier = qualifier;
        }

        public String slug() {
            return slug;
        }

        public NormalBalance normalBalance() {
            return normalBalance;
        }

        static Kind fromSlug(String slug) {
            return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown ledger account kind: " + slug));
        }
    }

    private enum Qualifier {
        NONE(null),
        SUBJECT(Pattern.compile("[A-Za-z0-9._@|+:=-]{1,128}")),
        UUID(null),
        COUNTRY(null),
        SLUG(Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*"));

        private final Pattern pattern;

        Qualifier(Pattern pattern) {
            this.pattern = pattern;
        }

        void check(Kind kind, String value) {
            if (this == NONE) {
                if (value != null) {
                    throw new IllegalArgumentException("Account " + kind.slug + " takes no qualifier");
                }
                return;
            }
            if (value == null) {
                throw new IllegalArgumentException("Account " + kind.slug + " needs a qualifier");
            }
            switch (this) {
                case UUID -> Identifiers.requireValid(kind.slug, value);
                case COUNTRY -> CountryCode.of(value);
                default -> {
                    if (!pattern.matcher(value).matches()) {
                        throw new IllegalArgumentException("Not a qualifier of " + kind.slug + ": " + value);
                    }
                }
            }
        }
    }

    public LedgerAccount {
        Objects.requireNonNull(kind, "kind");
        kind.qualifier.check(kind, qualifier);
    }

    public static LedgerAccount customerWallet(String customerSubject) {
        return new LedgerAccount(Kind.CUSTOMER_WALLET, customerSubject);
    }

    public static LedgerAccount vendorPayable(VendorId vendorId) {
        return new LedgerAccount(Kind.VENDOR_PAYABLE, vendorId.value());
    }

    public static LedgerAccount vendorWallet(VendorId vendorId) {
        return new LedgerAccount(Kind.VENDOR_WALLET, vendorId.value());
    }

    public static LedgerAccount platformCommission() {
        return new LedgerAccount(Kind.PLATFORM_COMMISSION, null);
    }

    public static LedgerAccount taxPayable(CountryCode country) {
        return new LedgerAccount(Kind.TAX_PAYABLE, country.value());
    }

    public static LedgerAccount gatewayClearing(PaymentProvider provider) {
        return new LedgerAccount(Kind.GATEWAY_CLEARING, provider.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static LedgerAccount refundsClearing() {
        return new LedgerAccount(Kind.REFUNDS_CLEARING, null);
    }

    public static LedgerAccount payoutsClearing() {
        return new LedgerAccount(Kind.PAYOUTS_CLEARING, null);
    }

    /** Parses {@code kind} or {@code kind:qualifier}; refuses unknown kinds and malformed qualifiers. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LedgerAccount of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("A ledger account has a name");
        }
        int colon = name.indexOf(':');
        return colon < 0
                ? new LedgerAccount(Kind.fromSlug(name), null)
                : new LedgerAccount(Kind.fromSlug(name.substring(0, colon)), name.substring(colon + 1));
    }

    @JsonValue
    public String name() {
        return qualifier == null ? kind.slug : kind.slug + ":" + qualifier;
    }

    /** A debit-positive balance as the positive amount this account normally holds (negative when it is overdrawn). */
    public long inNormalDirection(long debitPositiveBalance) {
        return kind.normalBalance == NormalBalance.DEBIT ? debitPositiveBalance : -debitPositiveBalance;
    }

    @Override
    public String toString() {
        return name();
    }
}
