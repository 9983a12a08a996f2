package com.souq.commerce.platform.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The aggregates this instance worked on last, kept in memory so that a command on a busy listing, cart or wallet
 * does not replay its whole event stream first: bounded in entries and evicting those not used for a while.
 *
 * <p>An entry is used only while it is the aggregate's latest state: Axon's caching repository reads it under the
 * aggregate's lock, and this cache then asks the event store for the aggregate's last sequence number (one indexed
 * lookup) and drops the entry when another instance, or anything else, appended since; the repository then loads the
 * aggregate afresh. A command therefore decides on exactly the state it would have loaded without the cache, also with
 * several instances. Axon's repository keeps the rest correct: an entry is put only after its unit of work committed,
 * and removed when one rolls back.
 */
public final class AggregateCache implements Cache {

    /** {@link AggregateCacheEntry} keeps the version it holds private: read once per use, here. */
    private static final VarHandle ENTRY_VERSION = entryVersion();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final Function<String, Optional<Long>> lastSequenceNumber;
    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param lastSequenceNumber the event store's last sequence number of an aggregate, empty when it has none
     */
    public AggregateCache(long maximumSize, Duration expireAfterAccess,
                          Function<String, Optional<Long>> lastSequenceNumber) {
        this.lastSequenceNumber = lastSequenceNumber;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(expireAfterAccess)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build();
        this.entries = cache.asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        if (key == null) {
            return null;
        }
        Object value = entries.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof AggregateCacheEntry<?> entry && !isLatest(key, entry)) {
            remove(key);
            return null;
        }
        listeners.forEach(listener -> listener.onEntryRead(key, value));
        return (V) value;
    }

    private boolean isLatest(Object key, AggregateCacheEntry<?> entry) {
        Long cached = (Long) ENTRY_VERSION.get(entry);
        return Objects.equals(cached, lastSequenceNumber.apply(key.toString()).orElse(null));
    }

    @Override
    public void put(Object key, Object value) {
        if (key == null) {
            // an aggregate created on demand (CREATE_IF_MISSING) by a command that applied no event has no id yet
            return;
        }
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (key == null) {
            return false;
        }
        boolean absent = entries.putIfAbsent(key, value) == null;
        if (absent) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return absent;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> {
            T created = valueSupplier.get();
            if (created == null) {
                throw new IllegalArgumentException("No value for the cache key " + key);
            }
            listeners.forEach(listener -> listener.onEntryCreated(key, created));
            return created;
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        if (key == null) {
            return false;
        }
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && entries.containsKey(key);
    }

    /** How many aggregates are held now (approximately, while others come and go). */
    public long size() {
        return cache.estimatedSize();
    }

    /** Carries out pending evictions now rather than at the cache's next convenient moment. */
    void cleanUp() {
        cache.cleanUp();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static VarHandle entryVersion() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer holds a version field", e);
        }
    }
}
