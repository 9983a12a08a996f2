package com.souq.commerce.payment.api;

import com.souq.commerce.shared.geo.CountryCode;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which payment methods a checkout may use, by the order's currency and the country it ships to, and what a method
 * token of each local provider looks like. A checkout that breaks a rule is refused before anything is written.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>provider</th><th>currency</th><th>ships to</th><th>method token</th></tr>
 *   <tr><td>SANDBOX, STRIPE</td><td>any</td><td>any</td><td>as before (sandbox word, {@code pm_...})</td></tr>
 *   <tr><td>INSTAPAY</td><td>EGP</td><td>EG</td><td>the shopper's InstaPay address ({@code name@instapay}) or
 *       Egyptian mobile number</td></tr>
 *   <tr><td>VODAFONE_CASH</td><td>EGP</td><td>EG</td><td>the wallet's Vodafone Egypt mobile number
 *       ({@code 010xxxxxxxx}, optionally {@code +20})</td></tr>
 *   <tr><td>MADA</td><td>SAR</td><td>SA</td><td>the card aggregator's token of the shopper's mada card</td></tr>
 *   <tr><td>CASH_ON_DELIVERY</td><td>the shipping country's own currency (EGP in EG, SAR in SA, LKR in LK)</td>
 *       <td>EG, SA, LK</td><td>{@value #CASH}</td></tr>
 *   <tr><td>WALLET (the whole order), or a part from the wallet with any provider but CASH_ON_DELIVERY</td>
 *       <td>the wallet's: the order's</td><td>any</td><td>{@code wallet}</td></tr>
 * </table>
 *
 * <p>InstaPay and Vodafone Cash move Egyptian pounds between Egyptian accounts only, and mada is a Saudi scheme
 * settled in riyals: those limits are the providers'. That the shopper must also ship to the provider's country, and
 * that a courier collects only the local currency, are this marketplace's rules (a courier carries no foreign cash;
 * an EG wallet pays no parcel to Riyadh).
 */
public final class PaymentMethodRules {

    /** The method token of a cash-on-delivery checkout. */
    public static final String CASH = "cash";

    private static final Currency EGP = Currency.getInstance("EGP");
    private static final Currency SAR = Currency.getInstance("SAR");
    private static final Map<String, Currency> LOCAL_CURRENCY = Map.of(
            "EG", EGP, "SA", SAR, "LK", Currency.getInstance("LKR"));
    private static final Pattern EGYPTIAN_MOBILE = Pattern.compile("(\\+20|0)1[0125][0-9]{8}");
    private static final Pattern VODAFONE_MOBILE = Pattern.compile("(\\+20|0)10[0-9]{8}");
    private static final Pattern INSTAPAY_ADDRESS = Pattern.compile("[a-z0-9._-]{3,64}@instapay");
    private static final Pattern CARD_TOKEN = Pattern.compile("[A-Za-z0-9_-]{6,128}");

    private PaymentMethodRules() {
    }

    /** Why {@code instruction} may not pay an order in {@code currency} shipped to {@code shipTo}, if it may not. */
    public static Optional<String> refusal(PaymentInstruction instruction, Currency currency, CountryCode shipTo) {
        PaymentProvider provider = instruction.provider();
        String method = instruction.method();
        if (instruction.fromWallet() != null) {
            if (provider.collectsOnDelivery()) {
                return Optional.of("Cash on delivery cannot be combined with the wallet");
            }
            if (!instruction.fromWallet().currency().equals(currency)) {
                return Optional.of("The wallet part is in " + instruction.fromWallet().currency().getCurrencyCode()
                        + "; the order is in " + currency.getCurrencyCode());
            }
        }
        Optional<String> refusal = switch (provider) {
            case SANDBOX, STRIPE -> Optional.empty();
            case INSTAPAY -> local(provider, currency, shipTo, EGP, "EG").or(() ->
                    EGYPTIAN_MOBILE.matcher(method).matches() || INSTAPAY_ADDRESS.matcher(method).matches()
                            ? Optional.empty()
                            : Optional.of("InstaPay pays from an InstaPay address (name@instapay) or an Egyptian "
                                    + "mobile number"));
            case VODAFONE_CASH -> local(provider, currency, shipTo, EGP, "EG").or(() ->
                    VODAFONE_MOBILE.matcher(method).matches()
                            ? Optional.empty()
                            : Optional.of("Vodafone Cash pays from a Vodafone Egypt mobile number (010xxxxxxxx)"));
            case MADA -> local(provider, currency, shipTo, SAR, "SA").or(() ->
                    CARD_TOKEN.matcher(method).matches()
                            ? Optional.empty()
                            : Optional.of("mada pays with the card token of the payment page"));
            case CASH_ON_DELIVERY -> cashOnDelivery(currency, shipTo, method);
            case WALLET -> PaymentInstruction.WALLET_METHOD.equals(method) ? Optional.<String>empty()
                    : Optional.of("The wallet pays with the method \"" + PaymentInstruction.WALLET_METHOD + "\"");
        };
        return refusal;
    }

    private static Optional<String> local(PaymentProvider provider, Currency currency, CountryCode shipTo,
                                          Currency required, String country) {
        if (!required.equals(currency)) {
            return Optional.of(provider + " pays in " + required.getCurrencyCode() + " only, not "
                    + currency.getCurrencyCode());
        }
        if (!country.equals(shipTo.value())) {
            return Optional.of(provider + " pays for orders shipped to " + country + " only, not " + shipTo);
        }
        return Optional.empty();
    }

    private static Optional<String> cashOnDelivery(Currency currency, CountryCode shipTo, String method) {
        Currency local = LOCAL_CURRENCY.get(shipTo.value());
        if (local == null) {
            return Optional.of("Cash on delivery is not offered in " + shipTo);
        }
        if (!local.equals(currency)) {
            return Optional.of("A courier in " + shipTo + " collects " + local.getCurrencyCode() + " only, not "
                    + currency.getCurrencyCode());
        }
        if (!CASH.equals(method)) {
            return Optional.of("Cash on delivery takes the method \"" + CASH + "\"");
        }
        return Optional.empty();
    }
}
