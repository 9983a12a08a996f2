package com.souq.commerce.analytics.query.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Cart sessions started in one period: how many were checked out into an order and how many of those orders were
 * paid; {@code checkoutRate} and {@code conversionRate} (paid / started) as fractions, 4 decimals.
 */
public record ConversionFigures(LocalDate period, long cartsStarted, long cartsCheckedOut, long ordersPaid,
                                BigDecimal checkoutRate, BigDecimal conversionRate) {
}
