package com.souq.commerce.saga.payout;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.WalletOwner;

/**
 * The port to the provider that pays money out to a wallet owner's bank. A payout is submitted once (the call carries
 * the payout's idempotency key) and confirmed later: the provider is asked for its status until it says paid or
 * failed. A provider that cannot be reached throws
 * {@link com.souq.commerce.saga.payment.ProviderUnavailableException}; the payout process tries again later.
 */
public interface PayoutPort {

    Submission submit(Payout payout);

    Status status(String reference);

    /** Pay {@code amount} out to {@code owner} with the provider's instruction {@code method}. */
    record Payout(PayoutId payoutId, WalletOwner owner, Money amount, String method) {

        public String idempotencyKey() {
            return "souq-payout-" + payoutId.value();
        }
    }

    /** The provider's answer to a submission. */
    sealed interface Submission {

        /** Accepted under {@code reference}; its outcome comes later. */
        record Accepted(String reference) implements Submission {
        }

        /** Refused outright ({@code reason}); nothing was paid. */
        record Refused(String reason) implements Submission {
        }
    }

    /** Where a submitted payout stands at the provider. */
    sealed interface Status {

        /** Not settled yet. */
        record Pending() implements Status {
        }

        /** Paid out to the owner's bank. */
        record Paid() implements Status {
        }

        /** Not paid ({@code reason}); the money is not gone. */
        record Failed(String reason) implements Status {
        }
    }
}
