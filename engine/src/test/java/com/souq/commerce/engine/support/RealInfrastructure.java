package com.souq.commerce.engine.support;

import com.souq.commerce.infrastructure.postgres.PostgresConnection;
import com.souq.commerce.infrastructure.testing.TestInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the engine at real servers before its Spring context starts: the machine's PostgreSQL when one answers on
 * 127.0.0.1:5432 (in a fresh database for this run), an embedded PostgreSQL 15 otherwise, and a real Elasticsearch
 * node started from the distribution the build downloaded, Stripe's API played by the {@link LocalStripe} stub, and
 * a real SMTP server ({@link LocalMail}) that the engine's mails go to, and
 * the local methods' aggregators by the {@link LocalPayments} stubs.
 * They are set as system properties because the engine decides whether to start embedded servers itself before any
 * test property source exists.
 */
public class RealInfrastructure implements BeforeAllCallback {

    /** The administrator the engine creates and invites by mail at startup. */
    public static final String BOOTSTRAP_ADMIN_EMAIL = "root@souq.example";

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresConnection postgres = TestInfrastructure.postgres();
        System.setProperty("spring.datasource.url", postgres.jdbcUrl());
        System.setProperty("spring.datasource.username", postgres.username());
        System.setProperty("spring.datasource.password", postgres.password() == null ? "" : postgres.password());
        System.setProperty("souq.elasticsearch.url", TestInfrastructure.elasticsearch().toString());
        System.setProperty("souq.payments.stripe.enabled", "true");
        System.setProperty("souq.payments.stripe.api-key", LocalStripe.API_KEY);
        System.setProperty("souq.payments.stripe.api-base", LocalStripe.stub().baseUrl());
        System.setProperty("souq.payments.stripe.webhook-secret", LocalStripe.WEBHOOK_SECRET);
        System.setProperty("souq.payments.stripe.max-network-retries", "0");
        System.setProperty("spring.mail.host", "127.0.0.1");
        System.setProperty("spring.mail.port", String.valueOf(LocalMail.smtpPort()));
        System.setProperty("souq.mail.relay-interval", "100ms");
        System.setProperty("souq.accounts.bootstrap-admin-email", BOOTSTRAP_ADMIN_EMAIL);
        // The account tests name their client addresses in X-Forwarded-For, as a reverse proxy on this host would.
        System.setProperty("souq.abuse.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        LocalPayments.configure();
    }
}
