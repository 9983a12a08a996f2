package com.souq.commerce.infrastructure.postgres;

/** How to reach one PostgreSQL database. */
public record PostgresConnection(String jdbcUrl, String username, String password) {
}
