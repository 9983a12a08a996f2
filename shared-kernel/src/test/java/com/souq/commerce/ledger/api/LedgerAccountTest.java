package com.souq.commerce.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.souq.commerce.order.api.OrderId;
import com.souq.commerce.order.api.VendorOrderId;
import com.souq.commerce.payment.api.PaymentId;
import com.souq.commerce.payment.api.PaymentProvider;
import com.souq.commerce.shared.MalformedIdentifierException;
import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Money;
import com.souq.commerce.vendor.api.VendorId;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LedgerAccountTest {

    private static final VendorId VENDOR = VendorId.of("5d1c8a34-6b7e-4f43-9a43-0d7c1c2b9a11");

    @Test
    void namesEveryAccountAsArchitectureDoes() {
        assertThat(List.of(LedgerAccount.customerWallet("customer-1"), LedgerAccount.vendorPayable(VENDOR),
                LedgerAccount.vendorWallet(VENDOR), LedgerAccount.platformCommission(),
                LedgerAccount.taxPayable(CountryCode.of("EG")), LedgerAccount.gatewayClearing(PaymentProvider.STRIPE),
                LedgerAccount.refundsClearing(), LedgerAccount.payoutsClearing()))
                .map(LedgerAccount::name)
                .containsExactly("customer-wallet:customer-1", "vendor-payable:" + VENDOR, "vendor-wallet:" + VENDOR,
                        "platform-commission", "tax-payable:EG", "gateway-clearing:stripe", "refunds-clearing",
                        "payouts-clearing");
    }

    @Test
    void parsesItsOwnNames() {
        for (String name : List.of("vendor-payable:" + VENDOR, "tax-payable:SA", "platform-commission",
                "customer-wallet:auth0|64f1", "gateway-clearing:sandbox")) {
            assertThat(LedgerAccount.of(name).name()).isEqualTo(name);
        }
    }

    @Test
    void refusesUnknownKindsAndMalformedQualifiers() {
        assertThatThrownBy(() -> LedgerAccount.of("petty-cash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerAccount.of("platform-commission:extra"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerAccount.of("vendor-payable")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerAccount.of("vendor-wallet:not-a-uuid"))
                .isInstanceOf(MalformedIdentifierException.class);
        assertThatThrownBy(() -> LedgerAccount.of("tax-payable:XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerAccount.of("customer-wallet:has space"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerAccount.of("gateway-clearing:Stripe"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void balancesReadPositiveInTheirNormalDirection() {
        assertThat(LedgerAccount.gatewayClearing(PaymentProvider.SANDBOX).inNormalDirection(798_00)).isEqualTo(798_00);
        assertThat(LedgerAccount.vendorPayable(VENDOR).inNormalDirection(-750_12)).isEqualTo(750_12);
        assertThat(LedgerAccount.platformCommission().inNormalDirection(-42_00)).isEqualTo(42_00);
    }

    @Test
    void travelsAsItsNameInJson() {
        JsonMapper json = JsonMapper.builder().build();
        Posting posting = Posting.credit(LedgerAccount.taxPayable(CountryCode.of("EG")), Money.of(5_88, "EGP"));

        String text = json.writeValueAsString(posting);

        assertThat(text).contains("\"account\":\"tax-payable:EG\"");
        assertThat(json.readValue(text, Posting.class)).isEqualTo(posting);
    }

    @Test
    void oneOperationAlwaysReachesTheSameEntry() {
        OrderId order = OrderId.of("0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e");
        VendorOrderId share = VendorOrderId.of(order, VENDOR);
        String capture = Operations.captureShare(PaymentId.forOrder(order), share);

        assertThat(JournalEntryId.forOperation(capture)).isEqualTo(JournalEntryId.forOperation(capture))
                .isNotEqualTo(JournalEntryId.forOperation(Operations.release(share)));
        assertThat(Operations.kindOf(capture)).isEqualTo("capture");
        assertThatThrownBy(() -> JournalEntryId.forOperation("no kind")).isInstanceOf(IllegalArgumentException.class);
    }
}
