package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.testing.PackFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A byte that is not UTF-8 is a problem at its line and column. The reader used to decode leniently, so a week
 * saved as Latin-1 passed validation and showed the learner replacement characters.
 */
class InvalidUtf8Test {
    private static final String MESSAGE = "the byte 0xE9 here is not valid UTF-8: save the file as UTF-8 in your editor "
            + "(it was probably written in another encoding)";

    @TempDir
    Path temp;

    @Test
    void aLatin1ByteInAWeekGuideMakesThePackInvalidAtThatByte() throws IOException {
        Path root = PackFiles.copyDefaultPack(temp.resolve("pack"));
        String week = PackFiles.weekFile(1);
        String text = PackFiles.read(root.resolve(week));
        int line = (int) text.lines().count() + 1;
        byte[] latin1 = "Déjà vu\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(root.resolve(week), latin1, StandardOpenOption.APPEND);

        LoadResult result = PackFiles.load(root);

        assertThat(result.valid()).isFalse();
        assertThat(PackFiles.lines(result)).contains(week + ":" + line + ":2: " + MESSAGE);
        assertThat(result.problems()).filteredOn(p -> p.message().equals(MESSAGE)).singleElement()
                .extracting(Problem::rule).isEqualTo("utf-8");
    }

    @Test
    void theColumnCountsCharactersNotBytes() {
        byte[] bytes = concat("id: x\ntitle: «ok» ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9});

        assertThatThrownBy(() -> Utf8Text.decode("pack.yaml", bytes)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().toString()).isEqualTo("pack.yaml:2:13: " + MESSAGE));
    }

    @Test
    void aCharacterCutOffAtTheEndOfTheFileIsReportedWhereItStarts() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat("a\n".getBytes(StandardCharsets.UTF_8), new byte[] {euro[0], euro[1]});

        assertThatThrownBy(() -> Utf8Text.decode("weeks/01-x.md", bytes)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().toString()).startsWith("weeks/01-x.md:2:1: the byte 0xE2 here"));
    }

    @Test
    void validUtf8WithABomAndMultiByteCharactersDecodesUnchanged() throws ProblemException {
        String text = "\uFEFFtitle: Café — 日本\n";

        assertThat(Utf8Text.decode("pack.yaml", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
