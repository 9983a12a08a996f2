package com.souq.commerce.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's message metrics with lean event processor meters ({@link LeanEventProcessorMetrics}). */
@Configuration(proxyBeanMethods = false)
class AxonMetrics {

    @Bean
    static GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new LeanEventProcessorMetrics(meters);
    }
}
