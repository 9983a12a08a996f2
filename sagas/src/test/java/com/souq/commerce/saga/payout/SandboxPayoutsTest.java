package com.souq.commerce.saga.payout;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import com.souq.commerce.wallet.api.PayoutId;
import com.souq.commerce.wallet.api.WalletOwner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxPayoutsTest {

    private static final Instant SUBMITTED = Instant.parse("2026-03-01T10:00:00Z");
    private static final PayoutPort.Payout PAYOUT = new PayoutPort.Payout(PayoutId.random(),
            WalletOwner.vendor(VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11")), Money.of(100_00, "EGP"),
            SandboxPayouts.SUCCEED);

    @Test
    void settlesAsItsMethodSaysOnceItsTimeHasCome() {
        String reference = ((PayoutPort.Submission.Accepted) at(SUBMITTED).submit(PAYOUT)).reference();
        String failing = ((PayoutPort.Submission.Accepted) at(SUBMITTED).submit(new PayoutPort.Payout(
                PAYOUT.payoutId(), PAYOUT.owner(), PAYOUT.amount(), SandboxPayouts.FAIL))).reference();

        assertThat(at(SUBMITTED.plusMillis(999)).status(reference)).isInstanceOf(PayoutPort.Status.Pending.class);
        assertThat(at(SUBMITTED.plusSeconds(1)).status(reference)).isInstanceOf(PayoutPort.Status.Paid.class);
        assertThat(at(SUBMITTED.plusSeconds(1)).status(failing)).isInstanceOf(PayoutPort.Status.Failed.class);
    }

    @Test
    void refusesAnUnknownMethodAndKnowsNoForeignReference() {
        assertThat(at(SUBMITTED).submit(new PayoutPort.Payout(PAYOUT.payoutId(), PAYOUT.owner(), PAYOUT.amount(),
                "iban:EG38"))).isInstanceOf(PayoutPort.Submission.Refused.class);
        assertThat(at(SUBMITTED).status("po_123")).isInstanceOf(PayoutPort.Status.Failed.class);
    }

    private static SandboxPayouts at(Instant now) {
        return new SandboxPayouts(Duration.ofSeconds(1), Clock.fixed(now, ZoneOffset.UTC));
    }
}
