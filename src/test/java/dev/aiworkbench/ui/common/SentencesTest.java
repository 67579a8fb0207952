package dev.aiworkbench.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures as a screen shows them. */
class SentencesTest {
    @Test
    void aFullDiskBehindAFuturesWrappingIsTheStoresSentence() {
        Throwable failure = new CompletionException(new UncheckedIOException(new FileSystemException(
                "/data/packs/.staging-1/weeks/01.md", null, "No space left on device")));

        assertThat(Sentences.of(failure)).startsWith("The disk is full, so this was not saved")
                .doesNotContain(".staging-1", "No space left");
    }

    @Test
    void anyOtherFailureIsItsOwnMessageAsASentence() {
        assertThat(Sentences.of(new CompletionException(new IOException("the pack folder is gone"))))
                .isEqualTo("The pack folder is gone.");
    }
}
