package com.souq.commerce.infrastructure.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The account a root JVM hands a server process to, normally {@code nobody}.
 *
 * <p>Elasticsearch will not start as root and, unlike zonky's PostgreSQL, has no user-namespace trick to fall back
 * on, so a root JVM starts it through {@code setpriv} (or {@code runuser}) as this account. That only works when
 * the account owns the directories the server writes and can traverse every directory above the files it reads,
 * which is what {@link #takeOwnership} and {@link #requireReachable} are for.
 */
public record UnprivilegedUser(String name, int uid, int gid) {

    private static final String ACCOUNT = "nobody";
    private static final int OVERFLOW_ID = 65534;
    private static final List<Path> SYSTEM_BIN = List.of(Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/bin"),
            Path.of("/sbin"));

    /** The {@code nobody} account as /etc/passwd describes it (65534:65534 when the file does not list it). */
    public static UnprivilegedUser nobody() {
        Path passwd = Path.of("/etc/passwd");
        if (Files.isReadable(passwd)) {
            try (Stream<String> lines = Files.lines(passwd)) {
                Optional<UnprivilegedUser> listed = lines.map(line -> line.split(":"))
                        .filter(fields -> fields.length > 3 && fields[0].equals(ACCOUNT))
                        .map(fields -> new UnprivilegedUser(ACCOUNT, Integer.parseInt(fields[2]),
                                Integer.parseInt(fields[3])))
                        .findFirst();
                if (listed.isPresent()) {
                    return listed.get();
                }
            } catch (IOException | NumberFormatException unreadable) {
                return new UnprivilegedUser(ACCOUNT, OVERFLOW_ID, OVERFLOW_ID);
            }
        }
        return new UnprivilegedUser(ACCOUNT, OVERFLOW_ID, OVERFLOW_ID);
    }

    /**
     * The words to put in front of a command so that it runs as this account with no supplementary groups.
     *
     * @throws IllegalStateException when neither {@code setpriv} nor {@code runuser} (util-linux) is installed
     */
    public List<String> commandPrefix() {
        Optional<Path> setpriv = executable("setpriv");
        if (setpriv.isPresent()) {
            return List.of(setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
        }
        Optional<Path> runuser = executable("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get().toString(), "-u", name, "--");
        }
        throw new IllegalStateException("Running as root, so the server has to be started as '" + name
                + "', but neither setpriv nor runuser (util-linux) is installed; install util-linux or run as a "
                + "regular user");
    }

    /** Makes this account the owner of {@code root} and everything below it, without following links. */
    public void takeOwnership(Path root) {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hand " + root + " to " + name, e);
        }
    }

    /**
     * Fails unless this account can search every directory from the file system root down to {@code path}'s parent
     * and {@code path} itself exists, so that a misplaced directory (say under root's mode-700 home) is reported
     * by name instead of as an obscure start failure of the server.
     */
    public void requireReachable(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalStateException(absolute + " does not exist");
        }
        for (Path directory = absolute.getParent(); directory != null; directory = directory.getParent()) {
            if (!maySearch(directory)) {
                throw new IllegalStateException("'" + name + "' cannot enter " + directory + " on the way to "
                        + absolute + "; use a location every user can traverse (for example below /var/lib or "
                        + "/tmp, or set -Dsouq.data-dir and -Djava.io.tmpdir accordingly)");
            }
        }
    }

    private boolean maySearch(Path directory) {
        try {
            Map<String, Object> attributes = Files.readAttributes(directory, "unix:mode,uid,gid");
            int mode = (Integer) attributes.get("mode");
            if ((Integer) attributes.get("uid") == uid) {
                return (mode & 0100) != 0;
            }
            if ((Integer) attributes.get("gid") == gid) {
                return (mode & 0010) != 0;
            }
            return (mode & 0001) != 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Optional<Path> executable(String command) {
        List<Path> candidates = new ArrayList<>();
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String entry : pathVariable.split(":")) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        candidates.addAll(SYSTEM_BIN);
        return candidates.stream()
                .map(directory -> directory.resolve(command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
