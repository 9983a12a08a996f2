package com.souq.commerce.payment.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.souq.commerce.ledger.api.LedgerAccount;
import com.souq.commerce.shared.geo.CountryCode;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PaymentMethodRulesTest {

    private static final Currency EGP = Currency.getInstance("EGP");
    private static final Currency SAR = Currency.getInstance("SAR");
    private static final CountryCode EGYPT = CountryCode.of("EG");
    private static final CountryCode SAUDI_ARABIA = CountryCode.of("SA");

    private static java.util.Optional<String> refusal(PaymentProvider provider, String method, Currency currency,
                                                      CountryCode shipTo) {
        return PaymentMethodRules.refusal(new PaymentInstruction(provider, method), currency, shipTo);
    }

    @Test
    void egyptianMethodsPayEgyptianPoundsForOrdersShippedInEgypt() {
        assertThat(refusal(PaymentProvider.INSTAPAY, "mona.adel@instapay", EGP, EGYPT)).isEmpty();
        assertThat(refusal(PaymentProvider.INSTAPAY, "01101234567", EGP, EGYPT)).isEmpty();
        assertThat(refusal(PaymentProvider.VODAFONE_CASH, "+201001234567", EGP, EGYPT)).isEmpty();
        assertThat(refusal(PaymentProvider.INSTAPAY, "mona.adel@instapay", SAR, SAUDI_ARABIA))
                .contains("INSTAPAY pays in EGP only, not SAR");
        assertThat(refusal(PaymentProvider.VODAFONE_CASH, "01001234567", EGP, SAUDI_ARABIA))
                .contains("VODAFONE_CASH pays for orders shipped to EG only, not SA");
    }

    @Test
    void aTokenThatIsNotTheMethodsIsRefused() {
        assertThat(refusal(PaymentProvider.INSTAPAY, "mona@gmail.com", EGP, EGYPT)).isPresent();
        assertThat(refusal(PaymentProvider.VODAFONE_CASH, "01101234567", EGP, EGYPT)).isPresent();
        assertThat(refusal(PaymentProvider.MADA, "tok 1", SAR, SAUDI_ARABIA)).isPresent();
        assertThat(refusal(PaymentProvider.CASH_ON_DELIVERY, "card", EGP, EGYPT)).isPresent();
    }

    @Test
    void madaPaysRiyalsInSaudiArabiaOnly() {
        assertThat(refusal(PaymentProvider.MADA, "tok_mada_4464040000000007", SAR, SAUDI_ARABIA)).isEmpty();
        assertThat(refusal(PaymentProvider.MADA, "tok_mada_4464040000000007", EGP, EGYPT))
                .contains("MADA pays in SAR only, not EGP");
    }

    @Test
    void cashOnDeliveryIsCollectedInTheLocalCurrencyOfASeedMarket() {
        assertThat(refusal(PaymentProvider.CASH_ON_DELIVERY, "cash", SAR, SAUDI_ARABIA)).isEmpty();
        assertThat(refusal(PaymentProvider.CASH_ON_DELIVERY, "cash", Currency.getInstance("LKR"),
                CountryCode.of("LK"))).isEmpty();
        assertThat(refusal(PaymentProvider.CASH_ON_DELIVERY, "cash", EGP, SAUDI_ARABIA))
                .contains("A courier in SA collects SAR only, not EGP");
        assertThat(refusal(PaymentProvider.CASH_ON_DELIVERY, "cash", Currency.getInstance("EUR"),
                CountryCode.of("FR"))).contains("Cash on delivery is not offered in FR");
    }

    @Test
    void cardsAndTheSandboxKeepTheirOldFreedom() {
        assertThat(refusal(PaymentProvider.STRIPE, "pm_card_visa", SAR, EGYPT)).isEmpty();
        assertThat(refusal(PaymentProvider.SANDBOX, "approve", Currency.getInstance("LKR"), SAUDI_ARABIA)).isEmpty();
    }

    @Test
    void eachLocalMethodHasItsOwnClearingAccountAndOnlyCashIsCollectedOnDelivery() {
        assertThat(LedgerAccount.gatewayClearing(PaymentProvider.VODAFONE_CASH).name())
                .isEqualTo("gateway-clearing:vodafone-cash");
        assertThat(LedgerAccount.gatewayClearing(PaymentProvider.CASH_ON_DELIVERY).name())
                .isEqualTo("gateway-clearing:cash-on-delivery");
        assertThat(LedgerAccount.of("gateway-clearing:instapay"))
                .isEqualTo(LedgerAccount.gatewayClearing(PaymentProvider.INSTAPAY));
        assertThat(PaymentProvider.CASH_ON_DELIVERY.collectsOnDelivery()).isTrue();
        assertThat(PaymentProvider.MADA.collectsOnDelivery()).isFalse();
    }
}
