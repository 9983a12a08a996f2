package com.souq.commerce.audit.query.api;

import com.souq.commerce.platform.web.PageResult;

/**
 * The events of one aggregate (in sequence order) or of one correlation (everything one request caused, in store
 * order): {@code of} says which, {@code key} names it.
 */
public record EventHistory(String of, String key, PageResult<RecordedEvent> events) {
}
