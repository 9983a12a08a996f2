package com.souq.commerce.platform.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;

/**
 * Puts Axon's JDBC and transaction auto-configuration after Spring Boot 4's DataSource and transaction manager.
 *
 * <p>Axon 4.13 orders itself after the Spring Boot 3 class names of those auto-configurations, which moved in
 * Boot 4. Without this anchor Axon's configuration is evaluated first and finds no DataSource: the JDBC event store,
 * token store and saga store are not created, and, worse, Axon falls back to a no-op transaction manager, so event
 * appends and projection updates would run without transactions. This class defines nothing; its position in the
 * auto-configuration order is its whole purpose.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
public class AxonAfterDataSourceOrdering {
}
