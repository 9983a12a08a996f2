package com.souq.commerce.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    private static final Function<String, Optional<Long>> NO_EVENTS = aggregate -> Optional.empty();

    @Test
    void anEntryIsUsedOnlyWhileNothingWasAppendedSince() {
        Map<String, Long> store = new HashMap<>(Map.of("cart-1", 4L));
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10),
                aggregate -> Optional.ofNullable(store.get(aggregate)));
        AggregateCacheEntry<Counter> atFour = entry(new Counter(), 4);
        cache.put("cart-1", atFour);

        assertThat(cache.<String, Object>get("cart-1")).isSameAs(atFour);

        store.put("cart-1", 5L); // another instance appended
        assertThat(cache.<String, Object>get("cart-1")).isNull();
        assertThat(cache.containsKey("cart-1")).isFalse();

        cache.put("cart-1", entry(new Counter(), 5));
        assertThat(cache.<String, Object>get("cart-1")).isNotNull();
        store.remove("cart-1"); // a store that no longer knows it (emptied between tests, say)
        assertThat(cache.<String, Object>get("cart-1")).isNull();
    }

    private static AggregateCacheEntry<Counter> entry(Counter root, long version) {
        AggregateModel<Counter> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class);
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(root, model, version, false,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER));
    }

    static final class Counter {
        @AggregateIdentifier
        String id = "cart-1";
    }

    @Test
    void keepsWhatWasPutUntilRemoved() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10), NO_EVENTS);
        cache.put("cart-1", "state");

        assertThat(cache.<String, String>get("cart-1")).isEqualTo("state");
        assertThat(cache.containsKey("cart-1")).isTrue();
        assertThat(cache.remove("cart-1")).isTrue();
        assertThat(cache.<String, String>get("cart-1")).isNull();
        assertThat(cache.remove("cart-1")).isFalse();
    }

    @Test
    void holdsNoMoreThanItsMaximum() {
        AggregateCache cache = new AggregateCache(50, Duration.ofMinutes(10), NO_EVENTS);
        for (int i = 0; i < 1_000; i++) {
            cache.put("listing-" + i, i);
        }
        cache.cleanUp();

        assertThat(cache.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void tellsListenersWhatHappened() {
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10), NO_EVENTS);
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
        AggregateCache cache = new AggregateCache(100, Duration.ofMinutes(10), NO_EVENTS);
        cache.put(null, "created on demand, no event applied");

        assertThat(cache.<Object, Object>get(null)).isNull();
        assertThat(cache.size()).isZero();
    }
}
