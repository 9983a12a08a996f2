package com.souq.commerce.engine.support;

import com.souq.commerce.engine.EngineApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole engine over HTTP on a random port, against the real PostgreSQL and Elasticsearch of
 * {@link RealInfrastructure}. Every test class with this annotation shares one Spring context and one set of
 * servers, so the suite starts the engine once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(classes = EngineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"souq.checkout.payment-timeout=" + EngineIntegrationTest.PAYMENT_TIMEOUT,
                "souq.money.return-window=" + EngineIntegrationTest.RETURN_WINDOW})
public @interface EngineIntegrationTest {

    /** Short enough for a test to watch a checkout give up on an unpaid order. */
    String PAYMENT_TIMEOUT = "6s";

    /** Short enough for a test to watch a delivered vendor order's payable move to the vendor's wallet. */
    String RETURN_WINDOW = "3s";
}
