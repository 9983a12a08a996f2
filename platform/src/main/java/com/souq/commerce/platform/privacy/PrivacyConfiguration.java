package com.souq.commerce.platform.privacy;

import java.time.Duration;
import java.util.Base64;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Crypto-shredding of the personal data in events: the {@link PersonalDataVault} and the event serializer wrapped in a
 * {@link PersonalDataSerializer}, whatever serializer Axon was configured with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyConfiguration.PrivacyProperties.class)
public class PrivacyConfiguration {

    /**
     * @param keyEncryptionKey the key (base64, 32 bytes) that encrypts every person's key in
     *                         {@code personal_data_keys}; losing it loses every personal text in the store
     * @param keyCacheTtl      how long an instance keeps a person's key (or their erasure) without asking the table:
     *                         the longest another instance may still show an erased person's data
     */
    @ConfigurationProperties("souq.privacy")
    public record PrivacyProperties(String keyEncryptionKey, @DefaultValue("60s") Duration keyCacheTtl) {
    }

    @Bean
    PersonalDataVault personalDataVault(JdbcClient jdbc, PrivacyProperties properties) {
        if (properties.keyEncryptionKey() == null || properties.keyEncryptionKey().isBlank()) {
            throw new IllegalStateException("Set souq.privacy.key-encryption-key (SOUQ_PRIVACY_KEY_ENCRYPTION_KEY): "
                    + "32 random bytes in base64, e.g. `openssl rand -base64 32`");
        }
        return new PersonalDataVault(jdbc, Base64.getDecoder().decode(properties.keyEncryptionKey().strip()),
                properties.keyCacheTtl());
    }

    /** Wraps the bean {@code eventSerializer}; the vault is looked up on first use, once the database is there. */
    @Bean
    static BeanPostProcessor personalDataInEvents(ObjectProvider<PersonalDataVault> vault) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (beanName.equals("eventSerializer") && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, vault::getObject);
                }
                return bean;
            }
        };
    }
}
