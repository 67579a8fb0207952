package dev.aiworkbench.ui.assess;

import dev.aiworkbench.testing.PackFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A copy of the default pack whose milestone-1 assessment is the 4-item test fixture, so a quiz is short. */
final class QuizPack {
    static final String ASSESSMENT = "fixture-before-milestone-1";
    static final String SINGLE = "t-event-loop";
    static final String MULTIPLE = "t-pydantic";
    static final String SHORT = "t-whole-phase";
    static final String CAPABILITY = "t-container";

    private QuizPack() {
    }

    static Path copy(Path target) {
        Path pack = PackFiles.copyDefaultPack(target);
        try (InputStream fixture = QuizPack.class.getResourceAsStream("/assessments/milestone-1.yaml")) {
            Files.copy(fixture, pack.resolve("assessments/milestone-1.yaml"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pack;
    }
}
