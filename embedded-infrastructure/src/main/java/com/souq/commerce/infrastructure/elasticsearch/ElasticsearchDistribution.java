package com.souq.commerce.infrastructure.elasticsearch;

import com.souq.commerce.infrastructure.host.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unpacked Elasticsearch installation, shared by every node and every JVM on the machine.
 *
 * <p>Unpacking the 107 MB zip costs seconds, so it happens once per version, into
 * {@code ${java.io.tmpdir}/souq-elasticsearch/<version>}. Two JVMs may race for it: each unpacks into a private
 * sibling and renames it into place, which is atomic, and the loser throws its copy away. The installation is never
 * written afterwards (nodes get their own config, logs and data directories), and everything in it is readable by
 * all users, with the executable bits of the zip kept, so that an unprivileged node process can run it.
 */
final class ElasticsearchDistribution {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String TOP_LEVEL_PREFIX = "elasticsearch-";
    private static final Set<PosixFilePermission> EXECUTE = EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> READ = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private ElasticsearchDistribution() {
    }

    /** The Elasticsearch home unpacked from {@code zip}, unpacking it first if no complete copy is cached. */
    static Path install(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Elasticsearch distribution " + zip + " does not exist");
        }
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "souq-elasticsearch").toAbsolutePath();
        try (FileSystem archive = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Path topLevel = topLevelDirectory(archive, zip);
            String version = topLevel.getFileName().toString().replace("/", "").substring(TOP_LEVEL_PREFIX.length());
            Path home = cache.resolve(version);
            if (isComplete(home, version)) {
                return home;
            }
            createSearchable(cache);
            long started = System.nanoTime();
            Path staging = Files.createTempDirectory(cache, version + ".unpacking-");
            try {
                unpack(topLevel, staging);
                discardIncomplete(home, version, cache);
                moveIntoPlace(staging, home, version);
            } finally {
                FileTrees.delete(staging);
            }
            if (!isComplete(home, version)) {
                throw new IllegalStateException("Unpacking " + zip + " into " + home + " left it incomplete");
            }
            log.info("Unpacked Elasticsearch {} into {} in {} ms", version, home,
                    (System.nanoTime() - started) / 1_000_000);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + cache, e);
        }
    }

    private static Path topLevelDirectory(FileSystem archive, Path zip) throws IOException {
        try (Stream<Path> entries = Files.list(archive.getPath("/"))) {
            List<Path> topLevel = entries.toList();
            if (topLevel.size() != 1 || !topLevel.getFirst().getFileName().toString().startsWith(TOP_LEVEL_PREFIX)) {
                throw new IllegalStateException(zip + " is not an Elasticsearch distribution (expected a single "
                        + "elasticsearch-<version> directory, found " + topLevel + ")");
            }
            return topLevel.getFirst();
        }
    }

    private static boolean isComplete(Path home, String version) {
        return Files.isExecutable(home.resolve("bin/elasticsearch"))
                && Files.isRegularFile(home.resolve("lib/elasticsearch-" + version + ".jar"))
                && Files.isDirectory(home.resolve("config"))
                && Files.isDirectory(home.resolve("modules"));
    }

    private static void unpack(Path topLevel, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(topLevel)) {
            for (Path entry : (Iterable<Path>) tree::iterator) {
                Path destination = target.resolve(topLevel.relativize(entry).toString());
                if (!destination.normalize().startsWith(target)) {
                    throw new IOException("Zip entry outside the distribution directory: " + entry);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entry, destination);
                }
                Set<PosixFilePermission> permissions = EnumSet.copyOf(READ);
                Set<PosixFilePermission> packed = Files.readAttributes(entry, PosixFileAttributes.class).permissions();
                if (Files.isDirectory(entry) || packed.stream().anyMatch(EXECUTE::contains)) {
                    permissions.addAll(EXECUTE);
                }
                Files.setPosixFilePermissions(destination, permissions);
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A copy that a temp-file cleaner has thinned out is moved aside and deleted, so that a fresh one can replace it. */
    private static void discardIncomplete(Path home, String version, Path cache) throws IOException {
        if (!Files.exists(home) || isComplete(home, version)) {
            return;
        }
        Path trash = cache.resolve(version + ".discarded-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.move(home, trash, StandardCopyOption.ATOMIC_MOVE);
            log.warn("Discarded the incomplete Elasticsearch installation in {}", home);
        } catch (NoSuchFileException anotherJvmDiscardedIt) {
            return;
        }
        FileTrees.delete(trash);
    }

    /** rename(2) fails with EEXIST or ENOTEMPTY when another JVM was faster; its complete copy is just as good. */
    private static void moveIntoPlace(Path staging, Path home, String version) throws IOException {
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot rename " + staging + " to " + home + " atomically", e);
        } catch (FileSystemException taken) {
            if (!isComplete(home, version)) {
                throw taken;
            }
            log.debug("Another JVM unpacked Elasticsearch into {} first", home);
        }
    }

    private static void createSearchable(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
