package com.souq.commerce.platform.web;

import java.util.List;

/**
 * The one shape of every paginated list: the items of one page, which page (from 0) of what size, and the totals.
 */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResult<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new PageResult<>(List.copyOf(items), page, size, totalItems, totalPages);
    }
}
