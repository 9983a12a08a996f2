package com.souq.commerce.infrastructure.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the JVM's real PostgreSQL and Elasticsearch (once) before a test class runs. */
public class TestInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfrastructure.postgres();
        TestInfrastructure.elasticsearch();
    }
}
