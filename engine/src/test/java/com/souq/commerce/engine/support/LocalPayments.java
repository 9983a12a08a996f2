package com.souq.commerce.engine.support;

import com.souq.commerce.infrastructure.localpayments.LocalPaymentsStub;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregators of the local methods in the integration tests: one {@link LocalPaymentsStub} per method
 * ({@code instapay}, {@code vodafone-cash}, {@code mada}) per JVM, started on first use and stopped at exit. The
 * engine is pointed at them for the whole suite (see {@link RealInfrastructure}).
 */
public final class LocalPayments {

    public static final String[] METHODS = {"instapay", "vodafone-cash", "mada"};

    private static final Map<String, LocalPaymentsStub> STUBS = new LinkedHashMap<>();

    private LocalPayments() {
    }

    public static synchronized LocalPaymentsStub stub(String method) {
        return STUBS.computeIfAbsent(method, name -> {
            LocalPaymentsStub started = LocalPaymentsStub.start(name, "lp_test_" + name, "lp_callback_" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-payments-stub-stop"));
            return started;
        });
    }

    /** Points the engine's adapter of every local method at its stub. */
    static void configure() {
        for (String method : METHODS) {
            LocalPaymentsStub stub = stub(method);
            String prefix = "souq.payments." + method + ".";
            System.setProperty(prefix + "enabled", "true");
            System.setProperty(prefix + "base-url", stub.baseUrl());
            System.setProperty(prefix + "api-key", stub.apiKey());
            System.setProperty(prefix + "callback-secret", stub.callbackSecret());
            System.setProperty(prefix + "callback-url", "http://127.0.0.1/api/v1/payments/webhooks/" + method);
        }
    }
}
