package com.souq.commerce.infrastructure.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the engine keeps the data of its embedded servers between runs.
 *
 * <p>A regular user gets the XDG location ({@code $XDG_DATA_HOME/souq-engine}, else
 * {@code ~/.local/share/souq-engine}). Root gets {@code /var/lib/souq-engine} instead: root's home is mode 700, and
 * a server that has to run as {@code nobody} could never reach a directory below it. The system property
 * {@value #BASE_PROPERTY} overrides the base in both cases.
 */
public final class DataDirectories {

    /** System property naming the base directory; each server uses a subdirectory of it. */
    public static final String BASE_PROPERTY = "souq.data-dir";

    private static final String APPLICATION = "souq-engine";
    private static final Path ROOT_BASE = Path.of("/var/lib", APPLICATION);

    private DataDirectories() {
    }

    /**
     * The directory of one server ({@code postgres}, {@code elasticsearch}), not created itself. The base is created
     * and, under root, left searchable but not writable by everyone, so that a server running as {@code nobody} can
     * reach a directory of its own below it.
     */
    public static Path forServer(String server) {
        Path base = base();
        createSearchable(base);
        return base.resolve(server);
    }

    static Path base() {
        String configured = System.getProperty(BASE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        if (HostUser.isRoot()) {
            return ROOT_BASE;
        }
        String xdgDataHome = System.getenv("XDG_DATA_HOME");
        if (xdgDataHome != null && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, APPLICATION);
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", APPLICATION);
    }

    /**
     * Creates the base. Root's base is this application's own, so its mode is also corrected when it exists: other
     * users must be able to search it, and must not be able to write it, or they could swap a server's data.
     */
    private static void createSearchable(Path directory) {
        try {
            boolean created = !Files.isDirectory(directory);
            Files.createDirectories(directory);
            if (HostUser.isRoot() && (created || directory.equals(ROOT_BASE))) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data directory " + directory, e);
        }
    }
}
