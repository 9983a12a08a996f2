package com.souq.commerce.engine.support;

import com.souq.commerce.infrastructure.stripe.StripeStub;
import com.stripe.Stripe;

/**
 * The Stripe of the integration tests: one {@link StripeStub} per JVM, started on first use and stopped at exit. The
 * engine's Stripe adapter is pointed at it for the whole suite (see {@link RealInfrastructure}), so the shared Spring
 * context pays with Stripe and the sandbox alike.
 */
public final class LocalStripe {

    public static final String API_KEY = "sk_test_souq_engine_suite";
    public static final String WEBHOOK_SECRET = "whsec_souq_engine_suite";

    private static StripeStub stub;

    private LocalStripe() {
    }

    public static synchronized StripeStub stub() {
        if (stub == null) {
            StripeStub started = StripeStub.start(API_KEY, WEBHOOK_SECRET, Stripe.API_VERSION);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stripe-stub-stop"));
            stub = started;
        }
        return stub;
    }
}
