package com.orderengine.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: LocalStack reads ./config.yml, so the stack must start there. */
public final class ProjectRoot {

    private ProjectRoot() {}

    /** The nearest directory at or above the working directory that holds config.yml and dev/. */
    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config.yml")) && Files.isDirectory(dir.resolve("dev"))) {
                return dir;
            }
        }
        throw new IllegalStateException("config.yml not found in " + start + " or above; run from the repository "
                + "root (where config.yml is) or pass --target to use a running stack");
    }
}
