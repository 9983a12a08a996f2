package com.souq.commerce.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Who the JVM runs as, and how to run a server as the unprivileged {@code nobody} when it is root. */
public final class Users {

    public static final String UNPRIVILEGED = "nobody";

    private Users() {
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command, prefixed to run as {@code nobody} when this JVM is root. */
    public static List<String> unprivileged(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup",
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory tree to {@code nobody} when this JVM is root, so the unprivileged server may write it. */
    public static void giveToUnprivileged(Path directory) {
        if (!isRoot()) {
            return;
        }
        try {
            Process chown = new ProcessBuilder("chown", "-R", UNPRIVILEGED + ":nogroup", directory.toString())
                    .redirectErrorStream(true).start();
            String output = new String(chown.getInputStream().readAllBytes());
            if (chown.waitFor() != 0) {
                throw new IllegalStateException("chown of " + directory + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
