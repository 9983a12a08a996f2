package com.souq.commerce.infrastructure.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the JVM's real PostgreSQL and Elasticsearch ready before a test class runs, so that a class annotated with
 * {@code @ExtendWith(TestInfrastructureExtension.class)} finds them in {@link TestInfrastructure} without paying
 * for the start inside a test's own timing. Each server still starts only once per JVM.
 */
public final class TestInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfrastructure.postgres();
        TestInfrastructure.elasticsearch();
    }
}
