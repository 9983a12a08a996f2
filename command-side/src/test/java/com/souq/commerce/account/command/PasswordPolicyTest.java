package com.souq.commerce.account.command;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.souq.commerce.shared.error.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Sh0rt!", "P@ssw0rd2024!", "Password123456", "qwertyuiop123", "Monkey1234567!",
            "aaaaaaaaaaaaaaaaaaaa", "abababababababab", "1234567890123", "abcdefghijklmn", "B1sm1llah2025!"})
    void refusesShortRepetitiveAndBreachedPasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "mona@mail.example"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageNotContaining(password)
                .extracting(error -> ((DomainRuleViolation) error).code()).isEqualTo("WEAK_PASSWORD");
    }

    @Test
    void refusesAPasswordContainingTheEmailName() {
        assertThatThrownBy(() -> PasswordPolicy.check("My-mona.adel-2026!", "Mona.Adel@mail.example"))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Violet-Harbour-93-Kettle", "correct horse battery staple", "كلمة-سر-طويلة-وقوية-٢٠٢٦",
            "t7#Kq9!vR2$m"})
    void acceptsLongOrVariedPasswords(String password) {
        assertThatCode(() -> PasswordPolicy.check(password, "mona@mail.example")).doesNotThrowAnyException();
    }
}
