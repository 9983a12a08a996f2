package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    @Test
    void keepsWhatWasPutUntilRemoved() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10));
        cache.put("cart-1", "state");

        assertThat(cache.<String, String>get("cart-1")).isEqualTo("state");
        assertThat(cache.containsKey("cart-1")).isTrue();
        assertThat(cache.remove("cart-1")).isTrue();
        assertThat(cache.<String, String>get("cart-1")).isNull();
        assertThat(cache.remove("cart-1")).isFalse();
    }

    @Test
    void holdsNoMoreThanItsMaximum() {
        AggregateCache cache = new AggregateCache(50, Duration.ofMinutes(10));
        for (int i = 0; i < 1_000; i++) {
            cache.put("listing-" + i, i);
        }
        cache.cleanUp();

        assertThat(cache.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void tellsListenersWhatHappened() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10));
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("wallet-1", 1);
        cache.put("wallet-1", 2);
        cache.putIfAbsent("wallet-1", 3);
        cache.remove("wallet-1");

        assertThat(heard).containsExactly("created wallet-1", "updated wallet-1", "removed wallet-1");
    }

    @Test
    void ignoresAnAggregateWithoutAnIdentifierYet() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10));
        cache.put(null, "created on demand, no event applied");

        assertThat(cache.<Object, Object>get(null)).isNull();
        assertThat(cache.size()).isZero();
    }
}
