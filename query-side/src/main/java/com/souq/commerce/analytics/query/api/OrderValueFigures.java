package com.souq.commerce.analytics.query.api;

import com.souq.commerce.shared.money.Money;
import java.time.LocalDate;

/** Paid orders of one period and currency: how many, items, revenue (grand totals) and the average order value. */
public record OrderValueFigures(LocalDate period, String currency, long orders, long items, Money revenue,
                                Money averageOrderValue) {
}
