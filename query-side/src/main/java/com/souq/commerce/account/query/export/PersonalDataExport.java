package com.souq.commerce.account.query.export;

import com.souq.commerce.account.api.AccountId;
import com.souq.commerce.platform.privacy.PersonalDataVault;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the engine holds about one person, as one JSON document: the right of access and to portability of the
 * seed markets' laws (Saudi PDPL, Egypt's Law 151/2020, the EU's GDPR articles 15 and 20).
 *
 * <p>The person is their account id, which is also the subject of their tokens, the {@code customer_subject} of their
 * carts, orders, payments and refunds and the owner id of their wallets. Read models appear as the rows of their
 * documented tables (snake_case columns), each order with its lines, vendor orders and timeline. {@code events} holds
 * every stored event of the person's own aggregates (their account; every cart, order, vendor order, payment and
 * wallet whose first event names them) and every other event whose payload names them, in the store's global order,
 * except events of another person's account: an administrator or vendor who created a staff account is named in it
 * ({@code createdBy}), but its email and name are that other person's.
 *
 * <p>The whole document is read in one read-only REPEATABLE READ transaction, so its parts agree with each other, and
 * every part is read through a server-side cursor and written as it arrives: memory stays constant however many
 * orders and events the person has. What is never exported: password hashes and token hashes (they live in the
 * command side's {@code account_credentials}, {@code account_tokens} and {@code refresh_tokens}, which this never
 * reads) and the bodies of mails (an unsent one may carry a sign-in or reset token, which support must never see).
 */
@Component
public class PersonalDataExport {

    static final String FORMAT = "souq-personal-data-export/1";
    private static final int FETCH_SIZE = 500;

    /** Aggregates that belong to whoever their first event names: the person's own streams. */
    private static final String OWN_AGGREGATE_TYPES = "'Cart', 'Order', 'VendorOrder', 'Payment', 'Wallet'";

    private static final String ACCOUNT = """
            SELECT (to_jsonb(a) || jsonb_build_object('roles', jsonb_build_array(a.role)))::text
              FROM accounts a WHERE a.account_id = CAST(:account AS uuid)""";
    private static final String CARTS = """
            SELECT (to_jsonb(c) || jsonb_build_object('lines', COALESCE(
                       (SELECT jsonb_agg(to_jsonb(l) ORDER BY l.added_at, l.listing_id)
                          FROM cart_lines l WHERE l.cart_id = c.cart_id), '[]'::jsonb)))::text
              FROM carts c WHERE c.customer_subject = :subject ORDER BY c.created_at, c.cart_id""";
    private static final String ORDERS = """
            SELECT (to_jsonb(o) || jsonb_build_object(
                       'lines', COALESCE((SELECT jsonb_agg(to_jsonb(l) ORDER BY l.line_number)
                                            FROM order_lines l WHERE l.order_id = o.order_id), '[]'::jsonb),
                       'vendor_orders', COALESCE((SELECT jsonb_agg(to_jsonb(v) || jsonb_build_object('lines', COALESCE(
                                                      (SELECT jsonb_agg(to_jsonb(vl) ORDER BY vl.line_number)
                                                         FROM vendor_order_lines vl
                                                        WHERE vl.vendor_order_id = v.vendor_order_id), '[]'::jsonb))
                                                    ORDER BY v.created_at, v.vendor_order_id)
                                                    FROM vendor_orders v WHERE v.order_id = o.order_id), '[]'::jsonb),
                       'timeline', COALESCE((SELECT jsonb_agg(to_jsonb(t)
                                                              ORDER BY t.occurred_at, t.store_position, t.event_id)
                                               FROM order_timeline t WHERE t.order_id = o.order_id), '[]'::jsonb)
                   ))::text
              FROM orders o WHERE o.customer_subject = :subject ORDER BY o.placed_at, o.order_id""";
    private static final String PAYMENTS = """
            SELECT to_jsonb(p)::text FROM payments p WHERE p.customer_subject = :subject
             ORDER BY p.requested_at, p.payment_id""";
    private static final String REFUNDS = """
            SELECT to_jsonb(r)::text FROM refunds r WHERE r.customer_subject = :subject
             ORDER BY r.requested_at, r.refund_id""";
    private static final String WALLETS = """
            SELECT to_jsonb(w)::text FROM wallet_balances w WHERE w.owner_type = 'CUSTOMER' AND w.owner_id = :subject
             ORDER BY w.currency""";
    private static final String WALLET_MOVEMENTS = """
            SELECT to_jsonb(m)::text FROM wallet_movements m JOIN wallet_balances w ON w.wallet_id = m.wallet_id
             WHERE w.owner_type = 'CUSTOMER' AND w.owner_id = :subject ORDER BY w.currency, m.sequence_number""";
    private static final String PAYOUTS = """
            SELECT to_jsonb(p)::text FROM payouts p
             WHERE (p.owner_type = 'CUSTOMER' AND p.owner_id = :subject) OR p.requested_by = :subject
             ORDER BY p.requested_at, p.payout_id""";
    private static final String MAILS = """
            SELECT (to_jsonb(m) - 'body')::text FROM mail_outbox m
             WHERE m.account_id = CAST(:account AS uuid)
                OR lower(m.recipient) = (SELECT lower(a.email) FROM accounts a
                                          WHERE a.account_id = CAST(:account AS uuid))
             ORDER BY m.created_at, m.mail_id""";
    private static final String EVENTS = """
            SELECT e.globalindex, e.type, e.aggregateidentifier, e.sequencenumber, e.eventidentifier, e.payloadtype,
                   e.payloadrevision, e.timestamp, e.metadata, e.payload
              FROM domainevententry e
             WHERE e.aggregateidentifier = :subject
                OR (position(:needle IN e.payload) > 0 AND e.type IS DISTINCT FROM 'Account')
                OR e.aggregateidentifier IN (SELECT first.aggregateidentifier FROM domainevententry first
                                              WHERE first.sequencenumber = 0
                                                AND first.type IN (%s)
                                                AND position(:needle IN first.payload) > 0)
             ORDER BY e.globalindex""".formatted(OWN_AGGREGATE_TYPES);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final JsonMapper mapper;
    private final PersonalDataVault personalData;
    private final Clock clock;

    PersonalDataExport(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper mapper,
                       PersonalDataVault personalData) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mapper = mapper;
        this.personalData = personalData;
        this.clock = Clock.systemUTC();
    }

    /** Whether the store holds an account of this id (its events are the truth; the read model may lag). */
    public boolean knows(AccountId account) {
        Boolean known = jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM domainevententry
                                        WHERE aggregateidentifier = :id AND sequencenumber = 0 AND type = 'Account')""",
                Map.of("id", account.value()), Boolean.class);
        return Boolean.TRUE.equals(known);
    }

    /** Writes the person's document to {@code out}, part by part; leaves {@code out} open. */
    public void write(AccountId account, OutputStream out) {
        String subject = account.value();
        Map<String, Object> parameters = Map.of("subject", subject, "account", subject,
                "needle", subject.getBytes(StandardCharsets.UTF_8));
        snapshot.executeWithoutResult(status -> {
            JsonGenerator json = mapper.createGenerator(out);
            json.writeStartObject();
            json.writeStringProperty("format", FORMAT);
            json.writeStringProperty("subject", subject);
            json.writeStringProperty("exportedAt", clock.instant().toString());
            json.writeName("account");
            boolean[] found = {false};
            jdbc.query(ACCOUNT, parameters, (RowCallbackHandler) row -> {
                json.writeRawValue(row.getString(1));
                found[0] = true;
            });
            if (!found[0]) {
                json.writeNull();
            }
            rows(json, "carts", CARTS, parameters);
            rows(json, "orders", ORDERS, parameters);
            rows(json, "payments", PAYMENTS, parameters);
            rows(json, "refunds", REFUNDS, parameters);
            rows(json, "wallets", WALLETS, parameters);
            rows(json, "walletMovements", WALLET_MOVEMENTS, parameters);
            rows(json, "payouts", PAYOUTS, parameters);
            if (mailOutboxExists()) {
                rows(json, "mails", MAILS, parameters);
            }
            json.writeName("events");
            json.writeStartArray();
            long[] count = {0};
            jdbc.query(EVENTS, parameters, (RowCallbackHandler) row -> {
                event(json, row);
                count[0]++;
            });
            json.writeEndArray();
            json.writeNumberProperty("eventCount", count[0]);
            json.writeEndObject();
            json.flush();
        });
    }

    private void rows(JsonGenerator json, String name, String sql, Map<String, Object> parameters) {
        json.writeName(name);
        json.writeStartArray();
        jdbc.query(sql, parameters, (RowCallbackHandler) row -> json.writeRawValue(row.getString(1)));
        json.writeEndArray();
    }

    /** The outbox is the command side's table: a query side run alone on a fresh database may not have it yet. */
    private boolean mailOutboxExists() {
        return jdbc.queryForObject("SELECT to_regclass('mail_outbox') IS NOT NULL", Map.of(), Boolean.class);
    }

    private void event(JsonGenerator json, ResultSet row) throws SQLException {
        String payloadType = row.getString("payloadtype");
        json.writeStartObject();
        json.writeNumberProperty("position", row.getLong("globalindex"));
        json.writeStringProperty("aggregateType", row.getString("type"));
        json.writeStringProperty("aggregateId", row.getString("aggregateidentifier"));
        json.writeNumberProperty("sequenceNumber", row.getLong("sequencenumber"));
        json.writeStringProperty("eventId", row.getString("eventidentifier"));
        json.writeStringProperty("type", payloadType.substring(payloadType.lastIndexOf('.') + 1));
        json.writeStringProperty("payloadType", payloadType);
        json.writeStringProperty("revision", row.getString("payloadrevision"));
        json.writeStringProperty("timestamp", row.getString("timestamp"));
        json.writeName("metadata");
        byte[] metadata = row.getBytes("metadata");
        if (metadata == null) {
            json.writeNull();
        } else {
            json.writeRawValue(new String(metadata, StandardCharsets.UTF_8));
        }
        json.writeName("payload");
        byte[] payload = row.getBytes("payload");
        if (personalData.mayHoldPersonalData(payloadType)) {
            JsonNode tree = mapper.readTree(payload);
            personalData.revealIn(payloadType, tree);
            json.writeTree(tree);
        } else {
            json.writeRawValue(new String(payload, StandardCharsets.UTF_8));
        }
        json.writeEndObject();
    }
}
