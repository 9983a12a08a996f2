package com.souq.commerce.platform.web;

/** One invalid field of a request, as listed in a validation problem: {@code field} is a JSON path or a parameter. */
public record FieldError(String field, String message) {
}
