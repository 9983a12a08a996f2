package com.souq.commerce.ledger.api;

import com.souq.commerce.order.api.RefundId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.TopUpId;
import java.util.regex.Pattern;

/**
 * The business operations that post journal entries, each named {@code kind:reference}. The name is the entry's
 * identity ({@link JournalEntryId#forOperation}), so one operation posts one entry, however often it is retried.
 *
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>name</th><th>posted when</th></tr>
 *   <tr><td>{@code capture:<paymentId>/<vendorOrderId>}</td><td>a captured payment is split: one vendor's share
 *       of it goes to its payable, the platform's commission and the tax on that commission</td></tr>
 *   <tr><td>{@code release:<vendorOrderId>}</td><td>a delivered share's return window passed: its payable moves
 *       to the vendor's wallet</td></tr>
 *   <tr><td>{@code reversal:<vendorOrderId>}</td><td>a share was rejected or cancelled before release: its split
 *       is undone into refunds clearing, owed back to the customer (what earlier refunds left of it)</td></tr>
 *   <tr><td>{@code refund-reversal:<refundId>}</td><td>a refund of part of a share was approved: the vendor, the
 *       platform and the tax authority give back their parts of it in proportion, into refunds clearing</td></tr>
 *   <tr><td>{@code payout:<payoutId>}</td><td>the payout provider paid a vendor's payout: vendor wallet → payouts
 *       clearing (money on its way to the vendor's bank)</td></tr>
 *   <tr><td>{@code refund:<refundId>}</td><td>a refund was paid back: refunds clearing → the provider's clearing
 *       account, or the customer's wallet</td></tr>
 *   <tr><td>{@code top-up:<topUpId>}</td><td>the provider captured a customer's top-up: the provider's clearing
 *       account → the customer's wallet</td></tr>
 * </table>
 */
public final class Operations {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,31}:[A-Za-z0-9._:/@|+-]{1,200}");

    private Operations() {
    }

    public static String captureShare(PaymentId paymentId, VendorOrderId vendorOrderId) {
        return "capture:" + paymentId.value() + "/" + vendorOrderId.value();
    }

    public static String release(VendorOrderId vendorOrderId) {
        return "release:" + vendorOrderId.value();
    }

    public static String shareReversal(VendorOrderId vendorOrderId) {
        return "reversal:" + vendorOrderId.value();
    }

    public static String refundReversal(RefundId refundId) {
        return "refund-reversal:" + refundId.value();
    }

    public static String refund(RefundId refundId) {
        return "refund:" + refundId.value();
    }

    public static String payout(PayoutId payoutId) {
        return "payout:" + payoutId.value();
    }

    public static String topUp(TopUpId topUpId) {
        return "top-up:" + topUpId.value();
    }

    /** The kind of an operation: what comes before its first colon ({@code capture}, {@code release}, ...). */
    public static String kindOf(String operation) {
        return requireValid(operation).substring(0, operation.indexOf(':'));
    }

    public static boolean isValid(String operation) {
        return operation != null && NAME.matcher(operation).matches();
    }

    static String requireValid(String operation) {
        if (!isValid(operation)) {
            throw new IllegalArgumentException("Not an operation name (kind:reference): " + operation);
        }
        return operation;
    }
}
