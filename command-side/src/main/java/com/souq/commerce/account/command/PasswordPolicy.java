package com.souq.commerce.account.command;

import com.souq.commerce.shared.error.DomainRuleViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: {@value #MIN_LENGTH}–{@value #MAX_LENGTH} characters, at least {@value #MIN_DISTINCT}
 * different ones and about {@value #MIN_BITS} bits of guessing work (length × log2 of the character classes used),
 * not built on one of the most breached passwords (after undoing letter-for-symbol swaps and dropping trailing digits
 * and symbols: "P@ssw0rd2024!" is "password"), and not containing the account's email name. A refusal is a 422
 * {@code WEAK_PASSWORD} that says which rule failed and never echoes the password.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    static final int MIN_DISTINCT = 5;
    static final int MIN_BITS = 50;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    static void check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw weak("it must have at least " + MIN_LENGTH + " characters");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw weak("it must have at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            throw weak("it repeats too few different characters");
        }
        if (bits(password) < MIN_BITS) {
            throw weak("it is too easy to guess: make it longer or mix letters, digits and symbols");
        }
        String base = base(password);
        if (COMMON.contains(base) || COMMON.contains(password.toLowerCase(Locale.ROOT))
                || isSequence(base)) {
            throw weak("it is one of the most commonly breached passwords, or built on one");
        }
        if (email != null) {
            String name = email.strip().toLowerCase(Locale.ROOT);
            int at = name.indexOf('@');
            String local = at > 0 ? name.substring(0, at) : name;
            if (local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local)) {
                throw weak("it contains your email address");
            }
        }
    }

    /** Guessing work in bits: length × log2 of the sizes of the character classes the password uses. */
    static double bits(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean other = false;
        for (int codePoint : password.codePoints().toArray()) {
            if (codePoint >= 'a' && codePoint <= 'z') {
                lower = true;
            } else if (codePoint >= 'A' && codePoint <= 'Z') {
                upper = true;
            } else if (codePoint >= '0' && codePoint <= '9') {
                digit = true;
            } else if (codePoint < 128) {
                symbol = true;
            } else {
                other = true;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
        return password.codePointCount(0, password.length()) * (Math.log(Math.max(pool, 2)) / Math.log(2));
    }

    /** The password as a guesser builds it: lower case, swaps undone, trailing digits and symbols dropped. */
    static String base(String password) {
        String trimmed = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+$", "");
        StringBuilder plain = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            plain.append(switch (c) {
                case '@', '4' -> 'a';
                case '3' -> 'e';
                case '1', '!' -> 'i';
                case '0' -> 'o';
                case '$', '5' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return COMMON.contains(trimmed) ? trimmed : plain.toString();
    }

    private static boolean isSequence(String base) {
        return base.isEmpty() || "abcdefghijklmnopqrstuvwxyz".contains(base)
                || "qwertyuiopasdfghjklzxcvbnm".contains(base);
    }

    private static DomainRuleViolation weak(String why) {
        return DomainRuleViolation.unprocessable("WEAK_PASSWORD", "This password is refused: " + why);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (var in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
