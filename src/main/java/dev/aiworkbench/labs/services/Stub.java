package dev.aiworkbench.labs.services;

import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The FastAPI stub the FastAPI labs build on: {@code labs/fastapi-stub/}, shipped inside the application. */
public final class Stub {
    /** The stub's folder among the bundled labs. */
    public static final String FOLDER = "labs/fastapi-stub";

    private Stub() {
    }

    /**
     * The bundled stub's folder (in the jar's file system, or target/classes when run from the build), read the
     * way the bundled pack and labs are; empty when the application does not contain it.
     */
    public static Optional<Path> bundled() {
        try {
            // PackLocation keeps the jar's file system open for the life of the app, as it does for the pack.
            Path root = PackLocation.bundledFolder(FOLDER, "FastAPI stub").resolve(".");
            return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
        } catch (PackAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
