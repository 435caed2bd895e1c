package com.orderengine.infrastructure.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the project's Go-built tools are found, and that a missing one is built when Go is here. */
class ProjectToolsTest {

    @TempDir
    Path root;

    @Test
    void aVariableWinsOverTheProjectsToolsAndThePath() throws IOException {
        Path named = executable(root.resolve("elsewhere/temporal"), "");
        Path built = executable(root.resolve(".tools/bin/temporal"), "");
        Path onPath = executable(root.resolve("path/temporal"), "");
        String path = onPath.getParent().toString();

        assertThat(new ProjectTools(root, Map.of("TEMPORAL_CLI", named.toString(), "PATH", path))
                        .find(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal"))
                .contains(named);
        assertThat(new ProjectTools(root, Map.of("PATH", path)).find(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal"))
                .contains(built);
        Files.delete(built);
        assertThat(new ProjectTools(root, Map.of("PATH", path)).find(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal"))
                .contains(onPath);
    }

    @Test
    void aVariableNamingNoExecutableIsRefusedWithItsName() {
        ProjectTools tools = new ProjectTools(
                root, Map.of("TEMPORAL_CLI", root.resolve("missing").toString()));

        assertThatThrownBy(() -> tools.find(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal"))
                .hasMessageContaining("TEMPORAL_CLI=")
                .hasMessageContaining("not an executable file");
    }

    @Test
    void aMissingToolIsBuiltWithTheInstallScriptWhenGoIsOnThePath() throws IOException {
        executable(
                root.resolve("scripts/install-tools"),
                "mkdir -p .tools/bin && printf '#!/bin/sh\\n' > .tools/bin/$1 && chmod +x .tools/bin/$1\n");
        Path goDirectory = executable(root.resolve("go-home/go"), "").getParent();
        ProjectTools tools = new ProjectTools(root, Map.of("PATH", goDirectory.toString()));

        assertThat(tools.findOrBuild(ProjectTools.STRIPE_MOCK, null, null))
                .contains(root.resolve(".tools/bin/stripe-mock"));
        assertThat(root.resolve(".tools/bin/stripe-mock")).isExecutable();
    }

    @Test
    void withGoTheInstallScriptIsAskedEvenForABuiltToolSoThatAMovedPinIsRebuilt() throws IOException {
        executable(root.resolve(".tools/bin/temporal"), "");
        executable(root.resolve("scripts/install-tools"), "echo \"$1\" > asked\n");
        Path goDirectory = executable(root.resolve("go-home/go"), "").getParent();
        ProjectTools tools = new ProjectTools(root, Map.of("PATH", goDirectory.toString()));

        assertThat(tools.findOrBuild(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal"))
                .contains(root.resolve(".tools/bin/temporal"));
        assertThat(Files.readString(root.resolve("asked")).trim()).isEqualTo("temporal");
    }

    @Test
    void withoutGoAMissingToolIsNotBuiltAndRequireSaysHowToGetIt() throws IOException {
        executable(root.resolve("scripts/install-tools"), "exit 1\n");
        ProjectTools tools = new ProjectTools(root, Map.of("PATH", root.toString()));

        assertThat(tools.findOrBuild(ProjectTools.TEMPORAL, "TEMPORAL_CLI", "temporal"))
                .isEmpty();
        assertThatThrownBy(() -> tools.require(ProjectTools.TEMPORAL))
                .hasMessageContaining("install Go")
                .hasMessageContaining("scripts/install-tools");
    }

    @Test
    void theRepositoryRootIsTheDirectoryWithTheInstallScript() throws IOException {
        executable(root.resolve("scripts/install-tools"), "");
        Path module = Files.createDirectories(root.resolve("api/src"));

        assertThat(ProjectTools.repositoryRoot(module)).isEqualTo(root);
    }

    private static Path executable(Path file, String script) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nset -e\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
