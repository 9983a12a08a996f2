package com.souq.commerce.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    @Test
    void addsAndSubtractsInMinorUnits() {
        Money price = Money.of(150_025, "EGP");
        assertThat(price.plus(Money.of(75, "EGP"))).isEqualTo(Money.of(150_100, "EGP"));
        assertThat(price.minus(Money.of(150_025, "EGP")).isZero()).isTrue();
        assertThat(price.times(3)).isEqualTo(Money.of(450_075, "EGP"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of(100, "EGP").plus(Money.of(100, "SAR")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("Amounts in EGP and SAR cannot be combined");
    }

    @Test
    void ratesRoundHalfEvenToWholeMinorUnits() {
        // 14 % of 0.25 EGP = 3.5 piastres -> 4 (round half to even: 3.5 -> 4, 2.5 -> 2)
        assertThat(Money.of(25, "EGP").times(new Rate(1_400))).isEqualTo(Money.of(4, "EGP"));
        assertThat(Money.of(25, "EGP").times(new Rate(1_000))).isEqualTo(Money.of(2, "EGP"));
        assertThat(Money.of(35, "EGP").times(new Rate(1_000))).isEqualTo(Money.of(4, "EGP"));
        assertThat(Money.of(1_999_999, "SAR").times(new Rate(1_500))).isEqualTo(Money.of(300_000, "SAR"));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "LKR").plus(Money.of(1, "LKR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void showsMajorUnitsWithTheCurrencysOwnDecimals() {
        assertThat(Money.of(150_025, "EGP")).hasToString("1500.25 EGP");
        assertThat(Money.of(1_500, "KWD")).hasToString("1.500 KWD");
        assertThat(Money.of(1_500, "JPY")).hasToString("1500 JPY");
    }

    @Test
    void refusesUnknownOrSloppyCurrencyCodes() {
        assertThatThrownBy(() -> Currencies.of("egp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Currencies.of("XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesStayBetweenZeroAndOneHundredPercent() {
        assertThatThrownBy(() -> new Rate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void travelsAsJsonWithCurrencyCode() {
        JsonMapper json = JsonMapper.builder().build();
        String text = json.writeValueAsString(Money.of(150_025, "EGP"));
        assertThat(text).isEqualTo("{\"minorUnits\":150025,\"currency\":\"EGP\"}");
        assertThat(json.readValue(text, Money.class)).isEqualTo(Money.of(150_025, "EGP"));
    }
}
