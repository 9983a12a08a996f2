package com.souq.commerce.account.command;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Fixed-window attempt counters in PostgreSQL (table {@code rate_limit_windows}), so every instance counts the same
 * attempts. Each count is one upsert: a window that ended starts over at 1. Buckets are hashed, so no email or client
 * address is stored.
 */
@Repository
class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Counts one attempt; refuses it (with how long to wait) once the window holds more than the limit. */
    void hit(String name, String key, AbuseSettings.Limit limit) {
        Window window = count(name, key, limit.window(), 1);
        if (window.hits() > limit.attempts()) {
            throw new TooManyAttempts("TOO_MANY_REQUESTS", retryAfter(window, limit.window()));
        }
    }

    /** Refuses (without counting) while the bucket is full: a lockout that only failures fill. */
    void requireBelow(String name, String key, AbuseSettings.Limit limit, String code) {
        Window window = count(name, key, limit.window(), 0);
        if (window.hits() >= limit.attempts()) {
            throw new TooManyAttempts(code, retryAfter(window, limit.window()));
        }
    }

    /** Counts one failure towards a lockout. */
    void fail(String name, String key, AbuseSettings.Limit limit) {
        count(name, key, limit.window(), 1);
    }

    void clear(String name, String key) {
        jdbc.sql("DELETE FROM rate_limit_windows WHERE bucket = :bucket").param("bucket", bucket(name, key)).update();
    }

    private Window count(String name, String key, Duration length, int increment) {
        Instant now = clock.instant();
        Timestamp expiredBefore = Timestamp.from(now.minus(length));
        return jdbc.sql("""
                        INSERT INTO rate_limit_windows AS w (bucket, window_started_at, hits)
                        VALUES (:bucket, :now, :increment)
                        ON CONFLICT (bucket) DO UPDATE SET
                            hits = CASE WHEN w.window_started_at <= :expired THEN :increment
                                        ELSE w.hits + :increment END,
                            window_started_at = CASE WHEN w.window_started_at <= :expired THEN :now
                                                     ELSE w.window_started_at END
                        RETURNING window_started_at, hits""")
                .param("bucket", bucket(name, key)).param("now", Timestamp.from(now))
                .param("increment", increment).param("expired", expiredBefore)
                .query((row, index) -> new Window(row.getTimestamp(1).toInstant(), row.getInt(2))).single();
    }

    private Duration retryAfter(Window window, Duration length) {
        Duration left = Duration.between(clock.instant(), window.startedAt().plus(length));
        return left.isNegative() ? Duration.ofSeconds(1) : left;
    }

    private static String bucket(String name, String key) {
        return HexFormat.of().formatHex(OneTimeTokens.sha256(name + "\n" + key.getBytes(StandardCharsets.UTF_8)
                .length + ":" + key));
    }

    private record Window(Instant startedAt, int hits) {
    }
}
