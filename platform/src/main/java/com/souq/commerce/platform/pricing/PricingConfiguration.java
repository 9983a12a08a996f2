package com.souq.commerce.platform.pricing;

import com.souq.commerce.shared.geo.CountryCode;
import com.souq.commerce.shared.money.Rate;
import com.souq.commerce.shared.pricing.VatTable;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The marketplace's VAT rates by shipping country ({@code souq.pricing.vat-rates}, basis points). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingConfiguration.PricingProperties.class)
public class PricingConfiguration {

    @ConfigurationProperties("souq.pricing")
    public record PricingProperties(Map<String, Integer> vatRates) {
    }

    @Bean
    VatTable vatTable(PricingProperties properties) {
        if (properties.vatRates() == null || properties.vatRates().isEmpty()) {
            return VatTable.seed();
        }
        Map<CountryCode, Rate> rates = new HashMap<>();
        properties.vatRates().forEach((country, basisPoints) ->
                rates.put(CountryCode.of(country), new Rate(basisPoints)));
        return new VatTable(rates);
    }
}
