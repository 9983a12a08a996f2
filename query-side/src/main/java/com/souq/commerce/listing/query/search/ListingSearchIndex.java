package com.souq.commerce.listing.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The listings index: searches and the live projection use the alias {@code listings}, which points at exactly one
 * concrete index ({@code listings-first}, then {@code listings-<yyyyMMddHHmmss>} per rebuild), so that a rebuild
 * fills a fresh index and swaps the alias in one atomic step. The alias and its first index are created when the engine starts, before any processor runs.
 */
@Component
class ListingSearchIndex {

    static final String ALIAS = "listings";

    private static final Logger log = LoggerFactory.getLogger(ListingSearchIndex.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final Clock clock;
    private final String definition;

    ListingSearchIndex(ElasticsearchClient client) throws IOException {
        this.client = client;
        this.clock = Clock.systemUTC();
        try (InputStream in = getClass().getResourceAsStream("/search/listings-index.json")) {
            this.definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!client.indices().existsAlias(alias -> alias.name(ALIAS)).value()) {
            String index = createFirst();
            client.indices().updateAliases(update -> update.actions(action -> action.add(add -> add
                    .index(index).alias(ALIAS))));
            log.info("The search index {} is behind the alias {}", index, ALIAS);
        }
    }

    /**
     * The first index of a new store, under one fixed name: instances starting together on a new store create it once
     * (the others find it there) and all point the alias at it. A name per second made two instances starting in the
     * same second fail (found by bin/reliability two-instances).
     */
    private String createFirst() throws IOException {
        String index = ALIAS + "-first";
        try {
            client.indices().create(create -> create.index(index).withJson(new StringReader(definition)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        return index;
    }

    /** A new, empty concrete index, named after the current second (waiting for the next if that name is taken). */
    String create() {
        try {
            String name = ALIAS + "-" + SUFFIX.format(clock.instant());
            while (exists(name)) {
                Thread.sleep(250);
                name = ALIAS + "-" + SUFFIX.format(clock.instant());
            }
            String index = name;
            client.indices().create(create -> create.index(index).withJson(new StringReader(definition)));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean exists(String index) throws IOException {
        return client.indices().exists(exists -> exists.index(index)).value();
    }

    /** The concrete index the alias points at now. */
    Optional<String> current() {
        try {
            return client.indices().getAlias(alias -> alias.name(ALIAS)).result().keySet().stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the alias at {@code next} instead of {@code previous} atomically, then deletes {@code previous}. */
    void swap(String previous, String next) {
        try {
            client.indices().refresh(refresh -> refresh.index(next));
            client.indices().updateAliases(update -> update
                    .actions(action -> action.remove(remove -> remove.index(previous).alias(ALIAS)))
                    .actions(action -> action.add(add -> add.index(next).alias(ALIAS))));
            client.indices().delete(delete -> delete.index(previous));
            log.info("The alias {} now points at {}; {} deleted", ALIAS, next, previous);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
