package com.souq.commerce.infrastructure.postgres;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresServerTest}: starts a server, writes a row, reports and then waits to
 * be killed, so the test can observe what a JVM that dies without closing leaves behind.
 */
public final class AbandoningJvm {

    private AbandoningJvm() {
    }

    public static void main(String[] arguments) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(arguments[0]), 0);
        Sql.execute(server.connection(), "CREATE TABLE survivor (name text)", "INSERT INTO survivor VALUES ('kept')");
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
