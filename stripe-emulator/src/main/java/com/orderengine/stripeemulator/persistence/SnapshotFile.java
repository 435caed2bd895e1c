package com.orderengine.stripeemulator.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The state file, {@code stripe-emulator-state.json} in the data directory. Written whole to a temporary
 * file and moved over the old one, so a crash mid-write leaves the previous state, never half a file.
 */
public final class SnapshotFile {

    public static final String FILE_NAME = "stripe-emulator-state.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Records' isOpen()-style helpers are derived values, not state.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A file written by a newer emulator with extra fields still loads.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path directory;
    private final Path file;

    public SnapshotFile(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * The saved state, or empty if nothing was saved yet; an unreadable file is an error, not a fresh start.
     * Creates the directory, so that one that cannot be written fails the start instead of every later save.
     */
    public Optional<EmulatorSnapshot> read() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Stripe emulator's data directory " + directory, e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException("The Stripe emulator's data directory is not writable: " + directory);
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            EmulatorSnapshot snapshot = MAPPER.readValue(file.toFile(), EmulatorSnapshot.class);
            if (snapshot.format() != EmulatorSnapshot.CURRENT_FORMAT) {
                throw new IllegalStateException(file + " has format " + snapshot.format() + "; this emulator reads "
                        + "format " + EmulatorSnapshot.CURRENT_FORMAT);
            }
            return Optional.of(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Stripe emulator's state from " + file, e);
        }
    }

    public void write(EmulatorSnapshot snapshot) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, FILE_NAME + ".", ".tmp");
            try {
                MAPPER.writeValue(temporary.toFile(), snapshot);
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Stripe emulator's state to " + file, e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
