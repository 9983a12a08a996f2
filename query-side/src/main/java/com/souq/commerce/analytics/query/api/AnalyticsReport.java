package com.souq.commerce.analytics.query.api;

import com.souq.commerce.platform.web.PageResult;
import java.time.LocalDate;
import java.util.List;

/** One page of an analytics answer over the UTC days [{@code from}, {@code to}], grouped as asked. */
public record AnalyticsReport<T>(LocalDate from, LocalDate to, List<String> groupBy, PageResult<T> rows) {
}
