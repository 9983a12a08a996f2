package com.souq.commerce.analytics.query;

import com.souq.commerce.analytics.query.api.AnalyticsReport;
import com.souq.commerce.analytics.query.api.ConversionFigures;
import com.souq.commerce.analytics.query.api.ListingSales;
import com.souq.commerce.analytics.query.api.OrderValueFigures;
import com.souq.commerce.analytics.query.api.SalesFigures;
import com.souq.commerce.analytics.query.api.VendorPerformance;
import com.souq.commerce.platform.web.PageResult;
import com.souq.commerce.shared.money.Money;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The analytics API's answers, from the analytics fact tables. Grouping dimensions come from a fixed list
 * ({@link #TIME_GROUPS}, vendor, category) and are turned into SQL here, never taken from the request as text.
 */
@Component
public class AnalyticsReads {

    /** How days are grouped: the first day of the day, ISO week (Monday) or month. */
    public static final List<String> TIME_GROUPS = List.of("day", "week", "month");
    public static final List<String> SALES_GROUPS = List.of("day", "week", "month", "vendor", "category");

    private final JdbcClient jdbc;

    AnalyticsReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters: each null for none. */
    public record Filters(String vendorId, String category, String currency) {
    }

    public AnalyticsReport<SalesFigures> sales(LocalDate from, LocalDate to, List<String> groupBy, Filters filters,
                                               int page, int size) {
        String time = groupBy.stream().filter(TIME_GROUPS::contains).findFirst().orElse(null);
        boolean byVendor = groupBy.contains("vendor");
        boolean byCategory = groupBy.contains("category");
        List<String> keys = new ArrayList<>();
        if (time != null) {
            keys.add("period");
        }
        if (byVendor) {
            keys.add("vendor_id");
        }
        if (byCategory) {
            keys.add("category");
        }
        keys.add("currency");
        String where = filters(filters);
        String sales = "SELECT " + select(time, "sold_on", byVendor, byCategory) + """
                , count(DISTINCT vendor_order_id) AS orders, sum(quantity) AS items, sum(line_total_minor) AS gmv,
                  sum(coalesce(commission_minor, 0)) AS commission, sum(vat_minor) AS tax
                  FROM analytics_sale_lines WHERE sold_on BETWEEN :from AND :to""" + where
                + " GROUP BY " + String.join(", ", keys);
        String refunds = "SELECT " + select(time, "refunded_on", byVendor, byCategory)
                + ", sum(amount_minor) AS refunds FROM analytics_refunds WHERE refunded_on BETWEEN :from AND :to"
                + where + " GROUP BY " + String.join(", ", keys);
        String joined = "SELECT * FROM (" + sales + ") s FULL JOIN (" + refunds + ") r USING ("
                + String.join(", ", keys) + ")";
        Map<String, Object> parameters = parameters(from, to, filters);
        long total = jdbc.sql("SELECT count(*) FROM (" + joined + ") rows").params(parameters).query(Long.class)
                .single();
        List<SalesFigures> rows = jdbc.sql(joined + " ORDER BY " + String.join(", ", keys)
                        + " LIMIT :limit OFFSET :offset")
                .params(parameters).param("limit", size).param("offset", (long) page * size)
                .query((row, index) -> {
                    String currency = row.getString("currency");
                    return new SalesFigures(time == null ? null : row.getObject("period", LocalDate.class),
                            byVendor ? row.getString("vendor_id") : null, byCategory ? row.getString("category") : null,
                            currency, row.getLong("orders"), row.getLong("items"),
                            Money.of(row.getLong("gmv"), currency), Money.of(row.getLong("commission"), currency),
                            Money.of(row.getLong("tax"), currency), Money.of(row.getLong("refunds"), currency));
                })
                .list();
        return new AnalyticsReport<>(from, to, groupBy, PageResult.of(rows, page, size, total));
    }

    public AnalyticsReport<OrderValueFigures> orderValue(LocalDate from, LocalDate to, String time, String currency,
                                                         int page, int size) {
        String period = time == null ? "" : periodOf(time, "paid_on") + " AS period, ";
        String keys = time == null ? "currency" : "period, currency";
        String query = "SELECT " + period + """
                currency, count(*) AS orders, sum(item_count) AS items, sum(grand_total_minor) AS revenue,
                round(avg(grand_total_minor)) AS average
                  FROM analytics_orders WHERE paid_on BETWEEN :from AND :to"""
                + (currency == null ? "" : " AND currency = :currency") + " GROUP BY " + keys;
        Map<String, Object> parameters = parameters(from, to, new Filters(null, null, currency));
        long total = jdbc.sql("SELECT count(*) FROM (" + query + ") rows").params(parameters).query(Long.class)
                .single();
        List<OrderValueFigures> rows = jdbc.sql(query + " ORDER BY " + keys + " LIMIT :limit OFFSET :offset")
                .params(parameters).param("limit", size).param("offset", (long) page * size)
                .query((row, index) -> {
                    String code = row.getString("currency");
                    return new OrderValueFigures(time == null ? null : row.getObject("period", LocalDate.class), code,
                            row.getLong("orders"), row.getLong("items"), Money.of(row.getLong("revenue"), code),
                            Money.of(row.getLong("average"), code));
                })
                .list();
        return new AnalyticsReport<>(from, to, time == null ? List.of() : List.of(time),
                PageResult.of(rows, page, size, total));
    }

    public AnalyticsReport<ConversionFigures> conversion(LocalDate from, LocalDate to, String time, int page,
                                                         int size) {
        String period = time == null ? "" : periodOf(time, "s.started_on") + " AS period, ";
        String query = "SELECT " + period + """
                count(*) AS started, count(*) FILTER (WHERE s.checked_out_at IS NOT NULL) AS checked_out,
                count(o.paid_at) AS paid,
                round(count(*) FILTER (WHERE s.checked_out_at IS NOT NULL)::numeric / count(*), 4) AS checkout_rate,
                round(count(o.paid_at)::numeric / count(*), 4) AS conversion_rate
                  FROM analytics_cart_sessions s LEFT JOIN analytics_orders o ON o.order_id = s.order_id
                 WHERE s.started_on BETWEEN :from AND :to""" + (time == null ? " HAVING count(*) > 0"
                : " GROUP BY period");
        Map<String, Object> parameters = parameters(from, to, new Filters(null, null, null));
        long total = jdbc.sql("SELECT count(*) FROM (" + query + ") rows").params(parameters).query(Long.class)
                .single();
        List<ConversionFigures> rows = jdbc.sql(query + (time == null ? "" : " ORDER BY period")
                        + " LIMIT :limit OFFSET :offset")
                .params(parameters).param("limit", size).param("offset", (long) page * size)
                .query((row, index) -> new ConversionFigures(
                        time == null ? null : row.getObject("period", LocalDate.class), row.getLong("started"),
                        row.getLong("checked_out"), row.getLong("paid"), row.getBigDecimal("checkout_rate"),
                        row.getBigDecimal("conversion_rate")))
                .list();
        return new AnalyticsReport<>(from, to, time == null ? List.of() : List.of(time),
                PageResult.of(rows, page, size, total));
    }

    /** {@code by}: {@code gmv} or {@code units}. */
    public AnalyticsReport<ListingSales> topListings(LocalDate from, LocalDate to, String by, Filters filters,
                                                     int page, int size) {
        String order = by.equals("units") ? "units DESC, gmv DESC" : "gmv DESC, units DESC";
        String query = """
                SELECT s.listing_id, s.vendor_id, l.title, s.category, s.currency,
                       count(DISTINCT s.vendor_order_id) AS orders, sum(s.quantity) AS units,
                       sum(s.line_total_minor) AS gmv
                  FROM analytics_sale_lines s LEFT JOIN analytics_listings l ON l.listing_id = s.listing_id
                 WHERE s.sold_on BETWEEN :from AND :to""" + filters(filters).replace(" AND ", " AND s.")
                + " GROUP BY s.listing_id, s.vendor_id, l.title, s.category, s.currency";
        Map<String, Object> parameters = parameters(from, to, filters);
        long total = jdbc.sql("SELECT count(*) FROM (" + query + ") rows").params(parameters).query(Long.class)
                .single();
        long offset = (long) page * size;
        List<ListingSales> rows = jdbc.sql(query + " ORDER BY " + order + ", s.listing_id LIMIT :limit OFFSET :offset")
                .params(parameters).param("limit", size).param("offset", offset)
                .query((row, index) -> {
                    String currency = row.getString("currency");
                    return new ListingSales((int) (offset + index + 1), row.getString("listing_id"),
                            row.getString("vendor_id"), row.getString("title"), row.getString("category"), currency,
                            row.getLong("orders"), row.getLong("units"), Money.of(row.getLong("gmv"), currency));
                })
                .list();
        return new AnalyticsReport<>(from, to, List.of("listing"), PageResult.of(rows, page, size, total));
    }

    public AnalyticsReport<VendorPerformance> vendorPerformance(LocalDate from, LocalDate to, String time,
                                                                String vendorId, int page, int size) {
        String period = time == null ? "" : periodOf(time, "created_on") + " AS period, ";
        String keys = time == null ? "vendor_id" : "period, vendor_id";
        String query = "SELECT " + period + """
                vendor_id, count(*) AS vendor_orders, count(accepted_at) AS accepted, count(rejected_at) AS rejected,
                count(cancelled_at) AS cancelled, count(shipped_at) AS shipped, count(delivered_at) AS delivered,
                round(count(accepted_at)::numeric / nullif(count(accepted_at) + count(rejected_at), 0), 4)
                    AS acceptance_rate,
                round(avg(EXTRACT(EPOCH FROM accepted_at - created_at)))::bigint AS to_accept,
                round(avg(EXTRACT(EPOCH FROM shipped_at - created_at)))::bigint AS to_ship
                  FROM analytics_vendor_orders WHERE created_on BETWEEN :from AND :to"""
                + (vendorId == null ? "" : " AND vendor_id = :vendorId") + " GROUP BY " + keys;
        Map<String, Object> parameters = parameters(from, to, new Filters(vendorId, null, null));
        long total = jdbc.sql("SELECT count(*) FROM (" + query + ") rows").params(parameters).query(Long.class)
                .single();
        List<VendorPerformance> rows = jdbc.sql(query + " ORDER BY " + keys + " LIMIT :limit OFFSET :offset")
                .params(parameters).param("limit", size).param("offset", (long) page * size)
                .query((row, index) -> new VendorPerformance(
                        time == null ? null : row.getObject("period", LocalDate.class), row.getString("vendor_id"),
                        row.getLong("vendor_orders"), row.getLong("accepted"), row.getLong("rejected"),
                        row.getLong("cancelled"), row.getLong("shipped"), row.getLong("delivered"),
                        row.getBigDecimal("acceptance_rate"), nullableLong(row, "to_accept"),
                        nullableLong(row, "to_ship")))
                .list();
        return new AnalyticsReport<>(from, to, time == null ? List.of("vendor") : List.of(time, "vendor"),
                PageResult.of(rows, page, size, total));
    }

    private static String select(String time, String dayColumn, boolean byVendor, boolean byCategory) {
        List<String> columns = new ArrayList<>();
        if (time != null) {
            columns.add(periodOf(time, dayColumn) + " AS period");
        }
        if (byVendor) {
            columns.add("vendor_id");
        }
        if (byCategory) {
            columns.add("category");
        }
        columns.add("currency");
        return String.join(", ", columns);
    }

    private static String periodOf(String time, String dayColumn) {
        return switch (time) {
            case "day" -> dayColumn;
            case "week" -> "CAST(date_trunc('week', " + dayColumn + ") AS date)";
            case "month" -> "CAST(date_trunc('month', " + dayColumn + ") AS date)";
            default -> throw new IllegalArgumentException("Not a time grouping: " + time);
        };
    }

    private static String filters(Filters filters) {
        return (filters.vendorId() == null ? "" : " AND vendor_id = :vendorId")
                + (filters.category() == null ? "" : " AND category = :category")
                + (filters.currency() == null ? "" : " AND currency = :currency");
    }

    private static Map<String, Object> parameters(LocalDate from, LocalDate to, Filters filters) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", Date.valueOf(from));
        parameters.put("to", Date.valueOf(to));
        if (filters.vendorId() != null) {
            parameters.put("vendorId", UUID.fromString(filters.vendorId()));
        }
        if (filters.category() != null) {
            parameters.put("category", filters.category());
        }
        if (filters.currency() != null) {
            parameters.put("currency", filters.currency());
        }
        return parameters;
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
