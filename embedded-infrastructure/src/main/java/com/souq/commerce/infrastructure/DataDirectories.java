package com.souq.commerce.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the embedded servers keep data that must survive a restart. A normal user's data lives under
 * {@code $XDG_DATA_HOME/souq-engine} ({@code ~/.local/share/souq-engine}); root's under {@code /var/lib/souq-engine},
 * because the servers then run as {@code nobody}, who cannot enter root's home. {@code souq.data-dir} overrides both.
 */
public final class DataDirectories {

    private DataDirectories() {
    }

    public static Path base() {
        String configured = System.getProperty("souq.data-dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Users.isRoot()) {
            return Path.of("/var/lib/souq-engine");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path dataHome = xdg == null || xdg.isBlank()
                ? Path.of(System.getProperty("user.home"), ".local", "share")
                : Path.of(xdg);
        return dataHome.resolve("souq-engine");
    }

    /** Creates the directory and its missing parents, each enterable by others so an unprivileged server reaches it. */
    public static Path create(Path directory) {
        try {
            Path absolute = directory.toAbsolutePath();
            Files.createDirectories(absolute);
            if (Users.isRoot()) {
                for (Path dir = absolute; dir != null && !dir.equals(dir.getRoot()); dir = dir.getParent()) {
                    if (dir.startsWith("/tmp") && dir.getNameCount() == 1) {
                        break;
                    }
                    var permissions = Files.getPosixFilePermissions(dir);
                    permissions.addAll(PosixFilePermissions.fromString("--x--x--x"));
                    Files.setPosixFilePermissions(dir, permissions);
                }
            }
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /** Creates the directory writable by everyone, sticky like {@code /tmp}, for a server running as another user. */
    public static Path createShared(Path directory) {
        Path created = create(directory);
        try {
            if (Users.isRoot()) {
                Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxrwxrwx"));
                Files.setAttribute(created, "unix:mode", 01777);
            }
            return created;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot share " + directory, e);
        }
    }
}
