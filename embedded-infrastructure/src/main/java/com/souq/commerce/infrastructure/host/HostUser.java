package com.souq.commerce.infrastructure.host;

import com.sun.security.auth.module.UnixSystem;

/**
 * Who this JVM runs as.
 *
 * <p>Both servers this module starts refuse to run as root (PostgreSQL by design, Elasticsearch by a bootstrap
 * check), and containers and CI machines often run everything as root, so each launcher asks this class first
 * and picks its own way around it.
 */
public final class HostUser {

    private HostUser() {
    }

    /** Whether the effective user of this process is root (uid 0); always false where there are no Unix uids. */
    public static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError notUnix) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
