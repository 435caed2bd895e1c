package com.orderengine.infrastructure.tools;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Go-built tools the project runs beside its own code (the Temporal CLI, stripe-mock, Temporal's server and
 * SQL tool): where to find one, and how to build it when it is missing. {@code scripts/install-tools} builds them,
 * pinned, into the git-ignored {@code .tools/bin} of the repository; this class finds them there (or at the path
 * an environment variable names, or on the PATH) and runs that script when Go is present and a tool is not.
 */
public final class ProjectTools {

    public static final String TEMPORAL = "temporal";
    public static final String STRIPE_MOCK = "stripe-mock";
    public static final String TEMPORAL_SERVER = "temporal-server";
    public static final String TEMPORAL_SQL_TOOL = "temporal-sql-tool";

    private final Path root;
    private final Map<String, String> environment;

    public ProjectTools(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
    }

    /** The tools of the repository the current directory is in (a module's directory during tests). */
    public static ProjectTools ofWorkingDirectory() {
        return new ProjectTools(repositoryRoot(Path.of("").toAbsolutePath()), System.getenv());
    }

    /** The nearest directory at or above {@code start} that holds {@code scripts/install-tools}. */
    public static Path repositoryRoot(Path start) {
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("scripts").resolve("install-tools"))) {
                return directory;
            }
        }
        throw new IllegalStateException(
                "not inside the order engine's repository (no scripts/install-tools above " + start + ")");
    }

    public Path root() {
        return root;
    }

    /**
     * The tool, looked up in this order: the path in {@code variable} (when given and set), the repository's
     * {@code .tools/bin}, the PATH under {@code pathName}.
     */
    public Optional<Path> find(String tool, String variable, String pathName) {
        if (variable != null) {
            String named = environment.get(variable);
            if (named != null && !named.isBlank()) {
                Path path = Path.of(named.trim());
                if (!Files.isExecutable(path)) {
                    throw new IllegalStateException(variable + "=" + named + " is not an executable file");
                }
                return Optional.of(path);
            }
        }
        Path built = root.resolve(".tools").resolve("bin").resolve(tool);
        if (Files.isExecutable(built)) {
            return Optional.of(built);
        }
        return pathName == null ? Optional.empty() : onPath(pathName);
    }

    /**
     * The tool named by {@code variable} when set; else, when Go is on the PATH, the pinned build in
     * {@code .tools/bin}, built now with {@code scripts/install-tools} if missing or outdated (its progress goes to
     * this process's output); else what {@link #find} finds. Empty when none is there and Go is not installed.
     */
    public Optional<Path> findOrBuild(String tool, String variable, String pathName) {
        boolean named =
                variable != null && !environment.getOrDefault(variable, "").isBlank();
        if (named || onPath("go").isEmpty()) {
            return find(tool, variable, pathName);
        }
        // With Go here the pinned build wins: the script returns at once when .tools/bin has the pinned version,
        // and rebuilds a tool whose pin has moved since it was built.
        build(tool);
        return Optional.of(root.resolve(".tools").resolve("bin").resolve(tool));
    }

    /** Like {@link #findOrBuild}, for tests and the benchmark, which cannot do without the tool. */
    public Path require(String tool) {
        return findOrBuild(tool, null, null)
                .orElseThrow(() -> new IllegalStateException(
                        tool + " is not built and Go is not installed to build it: install Go 1.26 and run "
                                + "scripts/install-tools (it builds the pinned tools into .tools/bin)"));
    }

    private void build(String tool) {
        List<String> command = new ArrayList<>(
                List.of(root.resolve("scripts").resolve("install-tools").toString(), tool));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .inheritIO()
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("scripts/install-tools " + tool + " failed with exit code " + exit
                        + " (its output above names the module and the error)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run scripts/install-tools", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + tool, e);
        }
    }

    private Optional<Path> onPath(String name) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory).resolve(name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
