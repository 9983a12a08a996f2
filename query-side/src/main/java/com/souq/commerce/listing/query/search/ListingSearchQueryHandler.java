package com.souq.commerce.listing.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.json.JsonData;
import com.souq.commerce.listing.query.search.api.FindSimilarListingsQuery;
import com.souq.commerce.listing.query.search.api.ListingHit;
import com.souq.commerce.listing.query.search.api.ListingSearchResult;
import com.souq.commerce.listing.query.search.api.ListingSearchResult.FacetValue;
import com.souq.commerce.listing.query.search.api.ListingSearchResult.Facets;
import com.souq.commerce.listing.query.search.api.ListingSearchResult.PriceBucket;
import com.souq.commerce.listing.query.search.api.SearchListingsQuery;
import com.souq.commerce.listing.query.search.api.SimilarListings;
import com.souq.commerce.listing.query.search.api.SuggestListingsQuery;
import com.souq.commerce.listing.query.search.api.Suggestions;
import com.souq.commerce.shared.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers listing searches from the {@code listings} alias: full text over the normalized texts of every language
 * and the attributes (an OEM number matches however it is spaced or dashed), filters, facet counts, price ranges in
 * one currency, sorts and pages; completions as a shopper types; similar listings. Only visible listings (published,
 * vendor approved) are ever answered.
 */
@Component
class ListingSearchQueryHandler {

    private static final String ALIAS = ListingSearchIndex.ALIAS;
    private static final int FACET_SIZE = 20;
    private static final String CURRENCIES = "currencies";
    private static final String PRICES = "prices";
    private static final Map<String, String> TERM_FACETS = Map.of("category", "category", "make", "make",
            "model", "model", "year", "year", "city", "city", "vendor", "vendorId", "condition", "condition");
    /** Price range bounds in major units; a currency's minor units scale them. */
    private static final long[] PRICE_BOUNDS = {100, 500, 1_000, 5_000, 10_000, 50_000, 100_000, 500_000,
            1_000_000, 5_000_000};

    private final ElasticsearchClient client;
    private final ListingIndexWriter documents;

    ListingSearchQueryHandler(ElasticsearchClient client, ListingIndexWriter documents) {
        this.client = client;
        this.documents = documents;
    }

    @QueryHandler
    ListingSearchResult handle(SearchListingsQuery query) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        TERM_FACETS.forEach((facet, field) ->
                aggregations.put(facet, Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
        aggregations.put(CURRENCIES, Aggregation.of(a -> a.terms(t -> t.field("currency").size(10))
                .aggregations(PRICES, Aggregation.of(p -> p.range(r -> r.field("price").ranges(priceRanges()))))));
        SearchResponse<ListingDocument> response = search(search -> search.index(ALIAS)
                .query(searchQuery(query))
                .sort(sort(query))
                .from(query.page() * query.size())
                .size(query.size())
                .trackTotalHits(total -> total.enabled(true))
                .aggregations(aggregations));
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        List<ListingHit> items = response.hits().hits().stream().map(Hit::source).map(ListingSearchQueryHandler::hit)
                .toList();
        Map<String, Aggregate> found = response.aggregations();
        Facets facets = new Facets(terms(found, "category"), terms(found, "make"), terms(found, "model"),
                terms(found, "year"), terms(found, "city"), terms(found, "vendor"), terms(found, "condition"),
                prices(found.get(CURRENCIES), query.currency()));
        int totalPages = (int) ((total + query.size() - 1) / query.size());
        return new ListingSearchResult(items, query.page(), query.size(), total, totalPages, facets);
    }

    @QueryHandler
    Suggestions handle(SuggestListingsQuery query) {
        String prefix = ArabicNormalizer.normalize(query.prefix());
        SearchResponse<ListingDocument> response = search(search -> search.index(ALIAS).size(0)
                .suggest(suggest -> suggest.suggesters("listings", suggester -> suggester.prefix(prefix)
                        .completion(completion -> completion.field("suggest").size(query.size())
                                .skipDuplicates(true)
                                .contexts("visible", List.of(CompletionContext.of(context -> context
                                        .context(value -> value.category("true")))))))));
        List<Suggestions.Suggestion> suggestions = new ArrayList<>();
        for (Suggestion<ListingDocument> suggestion : response.suggest().getOrDefault("listings", List.of())) {
            for (CompletionSuggestOption<ListingDocument> option : suggestion.completion().options()) {
                suggestions.add(new Suggestions.Suggestion(option.text(), option.id(),
                        option.source() == null ? Map.of() : option.source().title()));
            }
        }
        return new Suggestions(suggestions);
    }

    @QueryHandler
    Optional<SimilarListings> handle(FindSimilarListingsQuery query) {
        Optional<ListingDocument> listing = documents.find(ALIAS, query.listingId().value()).filter(ListingDocument::visible);
        return listing.map(like -> {
            List<Query> alike = new ArrayList<>();
            alike.add(Query.of(q -> q.moreLikeThis(mlt -> mlt
                    .fields("titleText", "textAll", "textAr", "textEn")
                    .like(text -> text.text(like.textAll()))
                    .minTermFreq(1).minDocFreq(1).maxQueryTerms(30).minimumShouldMatch("20%"))));
            if (like.category() != null) {
                alike.add(term("category", like.category().slug(), 2.0f));
            }
            if (like.make() != null) {
                alike.add(term("make", like.make(), 3.0f));
            }
            if (like.model() != null) {
                alike.add(term("model", like.model(), 2.0f));
            }
            SearchResponse<ListingDocument> response = search(search -> search.index(ALIAS).size(query.size())
                    .query(q -> q.bool(bool -> bool.should(alike).minimumShouldMatch("1")
                            .filter(visible())
                            .mustNot(not -> not.ids(ids -> ids.values(like.listingId()))))));
            return new SimilarListings(like.listingId(), response.hits().hits().stream().map(Hit::source)
                    .map(ListingSearchQueryHandler::hit).toList());
        });
    }

    private static Query searchQuery(SearchListingsQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(visible());
        String text = ArabicNormalizer.normalize(query.text());
        if (!text.isEmpty()) {
            bool.must(must -> must.bool(matching -> matching.minimumShouldMatch("1")
                    .should(should -> should.multiMatch(match -> match.query(text)
                            .fields("titleText^3", "makeText^2", "modelText^2", "textAr", "textEn", "textAll")
                            .type(TextQueryType.BestFields)
                            .operator(Operator.And)))
                    .should(should -> should.term(term -> term.field("oemCompact")
                            .value(ListingDocument.compact(text)).boost(10.0f)))));
        }
        if (query.category() != null) {
            bool.filter(term("category", query.category().slug(), 1.0f));
        }
        if (query.condition() != null) {
            bool.filter(term("condition", query.condition().name(), 1.0f));
        }
        if (query.vendorId() != null) {
            bool.filter(term("vendorId", query.vendorId(), 1.0f));
        }
        if (query.currency() != null) {
            bool.filter(term("currency", query.currency(), 1.0f));
        }
        caseInsensitive(bool, "make", query.make());
        caseInsensitive(bool, "model", query.model());
        caseInsensitive(bool, "city", query.city());
        if (query.yearFrom() != null || query.yearTo() != null) {
            bool.filter(range("year", query.yearFrom(), query.yearTo()));
        }
        if (query.priceFrom() != null || query.priceTo() != null) {
            bool.filter(range("price", query.priceFrom(), query.priceTo()));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static void caseInsensitive(BoolQuery.Builder bool, String field, String value) {
        if (value != null) {
            bool.filter(filter -> filter.term(term -> term.field(field).value(value).caseInsensitive(true)));
        }
    }

    private static Query range(String field, Number from, Number to) {
        return Query.of(q -> q.range(range -> range.untyped(untyped -> {
            untyped.field(field);
            if (from != null) {
                untyped.gte(JsonData.of(from));
            }
            if (to != null) {
                untyped.lte(JsonData.of(to));
            }
            return untyped;
        })));
    }

    private static Query term(String field, String value, float boost) {
        return Query.of(q -> q.term(term -> term.field(field).value(FieldValue.of(value)).boost(boost)));
    }

    private static Query visible() {
        return Query.of(q -> q.term(term -> term.field("visible").value(true)));
    }

    private static List<SortOptions> sort(SearchListingsQuery query) {
        List<SortOptions> sorts = new ArrayList<>();
        switch (query.sort()) {
            case RELEVANCE -> {
                sorts.add(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))));
                sorts.add(field("publishedAt", SortOrder.Desc));
            }
            case PRICE_ASC -> sorts.add(field("price", SortOrder.Asc));
            case PRICE_DESC -> sorts.add(field("price", SortOrder.Desc));
            case NEWEST -> sorts.add(field("publishedAt", SortOrder.Desc));
        }
        sorts.add(field("listingId", SortOrder.Asc));
        return sorts;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(field -> field.field(name).order(order)));
    }

    private static List<AggregationRange> priceRanges() {
        List<AggregationRange> ranges = new ArrayList<>();
        ranges.add(AggregationRange.of(range -> range.to(PRICE_BOUNDS[0] * 100.0)));
        for (int i = 1; i < PRICE_BOUNDS.length; i++) {
            double from = PRICE_BOUNDS[i - 1] * 100.0;
            double to = PRICE_BOUNDS[i] * 100.0;
            ranges.add(AggregationRange.of(range -> range.from(from).to(to)));
        }
        ranges.add(AggregationRange.of(range -> range.from(PRICE_BOUNDS[PRICE_BOUNDS.length - 1] * 100.0)));
        return ranges;
    }

    private static List<FacetValue> terms(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        if (aggregate == null) {
            return List.of();
        }
        if (aggregate.isLterms()) {
            return aggregate.lterms().buckets().array().stream()
                    .map(bucket -> new FacetValue(Long.toString(bucket.key()), bucket.docCount())).toList();
        }
        if (aggregate.isSterms()) {
            return aggregate.sterms().buckets().array().stream()
                    .map(bucket -> new FacetValue(bucket.key().stringValue(), bucket.docCount())).toList();
        }
        return List.of();
    }

    /** The price ranges of the currency filtered on, else of the currency most listings are priced in. */
    private static List<PriceBucket> prices(Aggregate currencies, String currency) {
        if (currencies == null || !currencies.isSterms()) {
            return List.of();
        }
        return currencies.sterms().buckets().array().stream()
                .filter(bucket -> currency == null || currency.equals(bucket.key().stringValue()))
                .findFirst()
                .map(ListingSearchQueryHandler::priceBuckets)
                .orElse(List.of());
    }

    private static List<PriceBucket> priceBuckets(StringTermsBucket currency) {
        String code = currency.key().stringValue();
        double scale = Math.pow(10, Currency.getInstance(code).getDefaultFractionDigits()) / 100.0;
        return currency.aggregations().get(PRICES).range().buckets().array().stream()
                .filter(bucket -> bucket.docCount() > 0)
                .map(bucket -> new PriceBucket(
                        bucket.from() == null ? null : Math.round(bucket.from() * scale),
                        bucket.to() == null ? null : Math.round(bucket.to() * scale),
                        code, bucket.docCount()))
                .toList();
    }

    private static ListingHit hit(ListingDocument document) {
        return new ListingHit(document.listingId(), document.vendorId(),
                document.category() == null ? null : document.category().slug(), document.title(),
                document.description(), document.make(), document.model(), document.year(), document.mileageKm(),
                document.condition(), document.oemNumbers(), document.city(), document.extra(),
                Money.of(document.price(), document.currency()), document.stock(),
                document.publishedAt() == null ? null : Instant.parse(document.publishedAt()));
    }

    private SearchResponse<ListingDocument> search(Consumer<SearchRequest.Builder> request) {
        try {
            return client.search(search -> {
                request.accept(search);
                return search;
            }, ListingDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
