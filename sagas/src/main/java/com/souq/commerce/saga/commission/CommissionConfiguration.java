package com.souq.commerce.saga.commission;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommissionSettings.class)
class CommissionConfiguration {
}
