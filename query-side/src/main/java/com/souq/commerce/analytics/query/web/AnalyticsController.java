package com.souq.commerce.analytics.query.web;

import com.souq.commerce.analytics.query.AnalyticsReads;
import com.souq.commerce.audit.query.web.Parameters;
import com.souq.commerce.listing.api.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics API for analysts (and administrators): sales per day, week or month, vendor and category; average
 * order value; cart-to-order conversion; top listings; vendor performance. Each reads the analytics tables over a
 * range of UTC days ({@code from} and {@code to} inclusive, ISO dates, at most {@value #MAX_DAYS} days; default the
 * last 30 days), paginated.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
@Tag(name = "analytics")
class AnalyticsController {

    static final int MAX_DAYS = 366;
    private static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::slug).toList();

    private final AnalyticsReads reads;

    AnalyticsController(AnalyticsReads reads) {
        this.reads = reads;
    }

    @GetMapping("/sales")
    @Operation(summary = "Vendor orders, items, GMV, commission, VAT and refunds, grouped by any of day|week|month, "
            + "vendor, category (comma-separated; always per currency)")
    ResponseEntity<?> sales(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String groupBy,
                            @RequestParam(required = false) String vendorId,
                            @RequestParam(required = false) String category,
                            @RequestParam(required = false) String currency,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        Range range = range(parameters, from, to);
        List<String> groups = groups(parameters, groupBy);
        AnalyticsReads.Filters filters = new AnalyticsReads.Filters(vendor(parameters, vendorId),
                parameters.choice("category", category, CATEGORIES, null),
                parameters.currency("currency", currency, false));
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(reads.sales(range.from(), range.to(), groups, filters, page, size));
    }

    @GetMapping("/order-value")
    @Operation(summary = "Paid orders, revenue and average order value per currency, by day|week|month or in total")
    ResponseEntity<?> orderValue(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String groupBy,
                                 @RequestParam(required = false) String currency,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        Range range = range(parameters, from, to);
        String time = time(parameters, groupBy);
        String code = parameters.currency("currency", currency, false);
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(reads.orderValue(range.from(), range.to(), time, code, page, size));
    }

    @GetMapping("/conversion")
    @Operation(summary = "Cart sessions started, checked out and paid: cart-to-order conversion, by day|week|month "
            + "or in total")
    ResponseEntity<?> conversion(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String groupBy,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        Range range = range(parameters, from, to);
        String time = time(parameters, groupBy);
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(reads.conversion(range.from(), range.to(), time, page, size));
    }

    @GetMapping("/top-listings")
    @Operation(summary = "Listings ranked by GMV or units sold in the range, optionally of one vendor or category")
    ResponseEntity<?> topListings(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String by,
                                  @RequestParam(required = false) String vendorId,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String currency,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        Range range = range(parameters, from, to);
        String ranking = parameters.choice("by", by, List.of("gmv", "units"), "gmv");
        AnalyticsReads.Filters filters = new AnalyticsReads.Filters(vendor(parameters, vendorId),
                parameters.choice("category", category, CATEGORIES, null),
                parameters.currency("currency", currency, false));
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(reads.topListings(range.from(), range.to(), ranking, filters, page, size));
    }

    @GetMapping("/vendor-performance")
    @Operation(summary = "Per vendor (and day|week|month when grouped): vendor orders, acceptance rate, average "
            + "time to accept and to ship")
    ResponseEntity<?> vendorPerformance(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String groupBy,
                                        @RequestParam(required = false) String vendorId,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        Parameters parameters = new Parameters();
        Range range = range(parameters, from, to);
        String time = time(parameters, groupBy);
        String vendor = vendor(parameters, vendorId);
        if (!parameters.valid()) {
            return parameters.invalid();
        }
        return ResponseEntity.ok(reads.vendorPerformance(range.from(), range.to(), time, vendor, page, size));
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    private static Range range(Parameters parameters, String from, String to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate until = parameters.date("to", to, today);
        LocalDate since = parameters.date("from", from, until.minusDays(29));
        parameters.range("from", since, "to", until, MAX_DAYS);
        return new Range(since, until);
    }

    private static List<String> groups(Parameters parameters, String groupBy) {
        if (groupBy == null || groupBy.isEmpty()) {
            return List.of("day");
        }
        List<String> groups = new ArrayList<>();
        for (String group : groupBy.split(",", -1)) {
            if (!AnalyticsReads.SALES_GROUPS.contains(group) || groups.contains(group)) {
                parameters.add("groupBy", "is a comma-separated list of distinct day|week|month, vendor, category");
                return List.of();
            }
            groups.add(group);
        }
        if (groups.stream().filter(AnalyticsReads.TIME_GROUPS::contains).count() > 1) {
            parameters.add("groupBy", "names at most one of day, week, month");
        }
        return List.copyOf(groups);
    }

    /** A time grouping, or null for the whole range ({@code total}). */
    private static String time(Parameters parameters, String groupBy) {
        String chosen = parameters.choice("groupBy", groupBy, List.of("day", "week", "month", "total"), "day");
        return chosen.equals("total") ? null : chosen;
    }

    private static String vendor(Parameters parameters, String vendorId) {
        if (vendorId == null || vendorId.isEmpty()) {
            return null;
        }
        if (!vendorId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            parameters.add("vendorId", "is not a vendor id");
            return null;
        }
        return vendorId;
    }
}
