package com.souq.commerce.account.command;

import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id (16 MiB, 2 passes, 16-byte salt, 32-byte hash: Spring Security's defaults since 5.8), stored with an
 * {@code {argon2}} prefix so that a stronger setting or algorithm can take over later while older hashes still verify.
 * A hash of a throwaway password answers for unknown emails, so a sign-in takes as long whether or not the account
 * exists.
 */
@Component
class PasswordHashing {

    private final PasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of(
            "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder()));
    private final String decoy = encoder.encode(OneTimeTokens.randomToken());

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
