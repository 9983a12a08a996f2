package com.souq.commerce.account.command;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Settings of accounts, abuse limits and mail: {@code souq.accounts.*}, {@code souq.abuse.*}, {@code souq.mail.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccountSettings.class, MailSettings.class})
class AccountConfiguration {

    /** Bound by hand: each limit left out keeps its default, which annotations cannot say of a nested record. */
    @Bean
    AbuseSettings abuseSettings(Environment environment) {
        return Binder.get(environment).bind("souq.abuse", AbuseSettings.class).orElseGet(AbuseSettings::defaults);
    }
}
