package com.souq.commerce.infrastructure.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnprivilegedUserTest {

    private final UnprivilegedUser nobody = UnprivilegedUser.nobody();

    @Test
    void namesTheDirectoryThatLocksTheAccountOut(@TempDir Path root) throws Exception {
        assumeThat(HostUser.isRoot()).as("running as root").isTrue();
        Path locked = Files.createDirectory(root.resolve("locked"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path inside = Files.createDirectories(locked.resolve("data"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> nobody.requireReachable(inside))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("'nobody' cannot enter " + locked + " ");

        nobody.takeOwnership(locked);
        nobody.requireReachable(inside);
        assertThat(Files.getOwner(inside).getName()).isEqualTo("nobody");
    }

    @Test
    void runsCommandsAsTheAccount() throws Exception {
        assumeThat(HostUser.isRoot()).as("running as root").isTrue();
        List<String> command = new ArrayList<>(nobody.commandPrefix());
        command.addAll(List.of("id", "-u"));
        Process id = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(new String(id.getInputStream().readAllBytes()).strip()).isEqualTo(Integer.toString(nobody.uid()));
        assertThat(id.waitFor()).isZero();
    }

    @Test
    void dataDirectoriesFollowTheSouqDataDirProperty(@TempDir Path base) {
        String previous = System.getProperty(DataDirectories.BASE_PROPERTY);
        System.setProperty(DataDirectories.BASE_PROPERTY, base.resolve("engine").toString());
        try {
            assertThat(DataDirectories.forServer("elasticsearch")).isEqualTo(base.resolve("engine/elasticsearch"));
            assertThat(base.resolve("engine")).isDirectory();
        } finally {
            if (previous == null) {
                System.clearProperty(DataDirectories.BASE_PROPERTY);
            } else {
                System.setProperty(DataDirectories.BASE_PROPERTY, previous);
            }
        }
    }

    @Test
    void withoutThePropertyRootUsesVarLibAndOthersTheXdgDataHome() {
        assumeThat(System.getProperty(DataDirectories.BASE_PROPERTY)).isNull();
        Path expected = HostUser.isRoot()
                ? Path.of("/var/lib/souq-engine")
                : Path.of(System.getenv().getOrDefault("XDG_DATA_HOME",
                        System.getProperty("user.home") + "/.local/share"), "souq-engine");
        assertThat(DataDirectories.base()).isEqualTo(expected);
    }
}
