package com.souq.commerce.audit.query;

import com.souq.commerce.ledger.api.JournalEntryPostedEvent;
import com.souq.commerce.ledger.api.Posting;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger as it stood at an instant, computed from the event store itself rather than from today's projection:
 * every {@link JournalEntryPostedEvent} recorded up to that instant, read in global-index order through a server-side
 * cursor (only that event type, through the index on it), deserialized as the event processors would, and folded into
 * debit and credit totals per account and currency. The answer says how many events it replayed, up to which position
 * of the store, and how long that took.
 *
 * <p>"Up to the instant" means recorded in the store at or before it (the store's timestamp, which is the posting
 * time): what the books said at that moment. A posting dated earlier but recorded later is not in them.
 */
@Component
public class LedgerReplay {

    static final String LEDGER_EVENT = JournalEntryPostedEvent.class.getName();

    /**
     * The revision whose postings are read straight from the JSON tree (account name, side, amount), cheaper than
     * binding the whole event, whose ids, accounts and amounts are validated on the way (the replay only sums what
     * was validated when it was posted). Another revision is read through the engine's event serializer.
     */
    private static final String READ_AS_TREE = "1";

    private final EventStoreCursor cursor;
    private final Serializer serializer;
    private final JsonMapper json;

    LedgerReplay(EventStoreCursor cursor, @Qualifier("eventSerializer") Serializer serializer, JsonMapper json) {
        this.cursor = cursor;
        this.serializer = serializer;
        this.json = json;
    }

    /** Every account's totals as of the instant, the events replayed and the time it took. */
    public Replayed asOf(Instant asOf) {
        long started = System.nanoTime();
        Map<Key, long[]> totals = new TreeMap<>();
        long[] progress = new long[2];
        cursor.stream("""
                        SELECT globalindex, payload, payloadrevision FROM domainevententry
                         WHERE payloadtype = :type AND CAST(timestamp AS timestamptz) <= :asOf
                         ORDER BY globalindex""",
                Map.of("type", LEDGER_EVENT, "asOf", asOf.atOffset(ZoneOffset.UTC)),
                row -> {
                    byte[] payload = row.getBytes("payload");
                    if (READ_AS_TREE.equals(row.getString("payloadrevision"))) {
                        for (JsonNode posting : json.readTree(payload).path("postings")) {
                            JsonNode amount = posting.path("amount");
                            add(totals, posting.path("account").asString(), amount.path("currency").asString(),
                                    posting.path("side").asString().equals("DEBIT"), amount.path("minorUnits").asLong());
                        }
                    } else {
                        JournalEntryPostedEvent event = serializer.deserialize(new SimpleSerializedObject<>(payload,
                                byte[].class, LEDGER_EVENT, row.getString("payloadrevision")));
                        for (Posting posting : event.postings()) {
                            add(totals, posting.account().name(), posting.amount().currency().getCurrencyCode(),
                                    posting.side() == Posting.Side.DEBIT, posting.amount().minorUnits());
                        }
                    }
                    progress[0]++;
                    progress[1] = row.getLong("globalindex");
                });
        return new Replayed(asOf, progress[0], progress[1], (System.nanoTime() - started) / 1_000_000.0, totals);
    }

    private static void add(Map<Key, long[]> totals, String account, String currency, boolean debit, long amount) {
        long[] sums = totals.computeIfAbsent(new Key(account, currency), key -> new long[2]);
        sums[debit ? 0 : 1] += amount;
    }

    /** An account in one currency. */
    public record Key(String account, String currency) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byCurrency = currency.compareTo(other.currency);
            return byCurrency != 0 ? byCurrency : account.compareTo(other.account);
        }
    }

    /**
     * The ledger replayed: {@code totals} holds debits and credits ({@code [debit, credit]}, minor units) per account
     * and currency, sorted by currency and account.
     */
    public record Replayed(Instant asOf, long events, long lastPosition, double millis, Map<Key, long[]> totals) {
    }
}
