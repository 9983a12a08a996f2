package com.souq.commerce.wallet.api;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.shared.Identifiers;
import com.souq.commerce.vendor.api.VendorId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose money a wallet holds: a customer (by the subject of their token) or a vendor (by its id). Each owner has one
 * wallet per currency, mirrored by one ledger account ({@link #ledgerAccount()}).
 */
public record WalletOwner(Type type, String id) {

    /** The kinds of wallet owner. */
    public enum Type { CUSTOMER, VENDOR }

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@|+:=-]{1,128}");

    public WalletOwner {
        Objects.requireNonNull(type, "type");
        if (type == Type.VENDOR) {
            Identifiers.requireValid("vendor", id);
        } else if (id == null || !SUBJECT.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a customer subject: " + id);
        }
    }

    public static WalletOwner customer(String subject) {
        return new WalletOwner(Type.CUSTOMER, subject);
    }

    public static WalletOwner vendor(VendorId vendorId) {
        return new WalletOwner(Type.VENDOR, vendorId.value());
    }

    /** The ledger account whose (credit) balance always equals this owner's wallet balance. */
    public LedgerAccount ledgerAccount() {
        return type == Type.VENDOR ? LedgerAccount.vendorWallet(VendorId.of(id)) : LedgerAccount.customerWallet(id);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
