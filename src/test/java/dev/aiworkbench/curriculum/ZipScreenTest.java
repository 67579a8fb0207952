package dev.aiworkbench.curriculum;

import dev.aiworkbench.testing.PackFiles;
import dev.aiworkbench.testing.RawZip;
import dev.aiworkbench.testing.RawZip.Entry;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zip reader's own checks, beyond the hostile corpus ({@code HostilePackCorpusTest}): the end records it finds
 * (ZIP64 ones too), damaged archives, and the edges of the limits.
 */
class ZipScreenTest {
    private static final String TOP = TinyPack.ID + "/";

    @TempDir
    Path temp;

    private List<Entry> pack(Entry... extra) {
        List<Entry> entries = new ArrayList<>(RawZip.filesOf(TinyPack.write(temp.resolve("tiny")), TinyPack.ID));
        entries.addAll(List.of(extra));
        return entries;
    }

    private Path zip(List<Entry> entries) {
        return RawZip.write(temp.resolve("pack.zip"), entries);
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Rewrites a zip the way ZIP64 writers do: a ZIP64 end record and its locator before the end record, whose
     * entry count, directory size and offset say "see the ZIP64 record"; {@code extraEntries} makes the ZIP64
     * record's count disagree with the real one.
     */
    private static void toZip64(Path zip, boolean plainFiguresToo, int extraEntries) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer end = ByteBuffer.wrap(bytes, bytes.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
        int entries = Short.toUnsignedInt(end.getShort(10));
        long size = Integer.toUnsignedLong(end.getInt(12));
        long offset = Integer.toUnsignedLong(end.getInt(16));
        int zip64End = bytes.length - 22;
        ByteBuffer records = little(56 + 20 + 22)
                .putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(entries + extraEntries).putLong(entries + extraEntries).putLong(size).putLong(offset)
                .putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1)
                .putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) (plainFiguresToo ? entries : 0xFFFF))
                .putShort((short) (plainFiguresToo ? entries : 0xFFFF))
                .putInt(plainFiguresToo ? (int) size : -1).putInt(plainFiguresToo ? (int) offset : -1)
                .putShort((short) 0);
        byte[] rewritten = Arrays.copyOf(bytes, zip64End + records.capacity());
        System.arraycopy(records.array(), 0, rewritten, zip64End, records.capacity());
        Files.write(zip, rewritten);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aZipWithZip64EndRecordsIsReadLikeAnyOther(boolean plainFiguresToo) throws IOException {
        Path zip = zip(pack());
        toZip64(zip, plainFiguresToo, 0);

        LoadResult result = PackFiles.load(zip);

        assertThat(PackFiles.lines(result)).isEmpty();
        assertThat(result.pack().orElseThrow().info().id()).isEqualTo(TinyPack.ID);
    }

    @Test
    void zip64EndRecordsThatDisagreeWithThePlainOneAreRefused() throws IOException {
        Path zip = zip(pack());
        toZip64(zip, true, 1);

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " is neither a pack folder nor a zip archive (its two end records disagree)");
    }

    @Test
    void anEntrysZip64SizeIsTheSizeTheLimitsApplyTo() {
        byte[] content = "{}\n".getBytes(StandardCharsets.UTF_8);
        Entry small = Entry.file(TOP + "datasets/cases.jsonl", content).declaring(0xFFFFFFFFL)
                .withCentralExtra(little(12).putShort((short) 1).putShort((short) 8).putLong(content.length).array());
        Path readable = zip(pack(small));

        assertThat(PackFiles.lines(PackFiles.load(readable))).isEmpty();

        Path large = zip(pack(small.withCentralExtra(little(12).putShort((short) 1).putShort((short) 8)
                .putLong(5L * 1024 * 1024).array())));
        assertThatThrownBy(() -> PackLocation.open(large)).isInstanceOf(PackAccessException.class)
                .hasMessage(large + ": " + TOP + "datasets/cases.jsonl is larger than 4 MB");
    }

    @Test
    void onePartOfASplitZipIsRefused() throws IOException {
        Path zip = zip(pack());
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length - 22 + 4] = 1;
        Files.write(zip, bytes);

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " is one part of a split zip; join its parts into one file first");
    }

    @Test
    void bytesAfterTheEndRecordAreRefused() throws IOException {
        Path zip = zip(pack());
        Files.write(zip, new byte[]{'P', 'K', 5, 6, 0}, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " is neither a pack folder nor a zip archive (no zip directory ends it)");
    }

    @Test
    void aDirectoryThatClaimsMoreEntriesThanItHoldsIsRefused() throws IOException {
        Path zip = zip(pack());
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length - 22 + 8]++;
        bytes[bytes.length - 22 + 10]++;
        Files.write(zip, bytes);

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " is neither a pack folder nor a zip archive (its directory is damaged: an entry runs"
                        + " past its end)");
    }

    /** The JDK's readers would show the uncounted link, which no check would have seen. */
    @Test
    void anEntryTheEndRecordDoesNotCountIsRefused() throws IOException {
        Path zip = zip(pack(Entry.file(TOP + "notes.md", "/etc/passwd").withMode(RawZip.SYMBOLIC_LINK)));
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length - 22 + 8]--;
        bytes[bytes.length - 22 + 10]--;
        Files.write(zip, bytes);

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessage(zip + " holds more entries than its end record counts, so zip readers disagree on what it"
                        + " holds; build the zip again from the pack folder");
    }

    @Test
    void anEntryWhoseDeflatedBytesAreDamagedIsRefusedNamingIt() throws IOException {
        String name = TOP + "datasets/cases.jsonl";
        List<Entry> entries = new ArrayList<>(List.of(Entry.file(name, "{\"input\": \"a question\"}\n".repeat(20))));
        entries.addAll(pack());
        Path zip = zip(entries);
        byte[] bytes = Files.readAllBytes(zip);
        Arrays.fill(bytes, 30 + name.length(), 30 + name.length() + 4, (byte) 0xFF);
        Files.write(zip, bytes);

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessageStartingWith(zip + ": " + name + " cannot be inflated (")
                .hasMessageEndingWith("); the zip is damaged, so download it again");
    }

    @Test
    void aSmallFileMayCompressAsWellAsItLikesButNotALargerOne() {
        long exempt = ArchiveLimits.DEFAULT.ratioExemptBytes();
        Path small = zip(pack(Entry.file(TOP + "datasets/blank.txt", " ".repeat((int) exempt))));

        assertThat(PackFiles.lines(PackFiles.load(small))).isEmpty();

        Path larger = zip(pack(Entry.file(TOP + "datasets/blank.txt", " ".repeat((int) exempt + 1))));
        assertThatThrownBy(() -> PackLocation.open(larger)).isInstanceOf(PackAccessException.class)
                .hasMessageContaining(TOP + "datasets/blank.txt would inflate from ")
                .hasMessageContaining("more than 100 times over, as a zip bomb does");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes/con-artist.md", "notes/01.intro.md", "notes/Überblick.md", "notes/.hidden.md",
            "notes/a b.md"})
    void plainNamesThatLookOddArePortable(String name) {
        Path zip = zip(pack(Entry.file(TOP + name, "x")));

        assertThat(PackFiles.lines(PackFiles.load(zip))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes//a.md", "notes /a.md", "notes/CON", "notes/lpt1.txt", "notes/what?.md",
            "notes/a<b.md"})
    void namesThatAreNoFileOnWindowsOrNoPlainPathAreRefused(String name) {
        Path zip = zip(pack(Entry.file(TOP + name, "x")));

        assertThatThrownBy(() -> PackLocation.open(zip)).isInstanceOf(PackAccessException.class)
                .hasMessageStartingWith(zip + ": the entry " + TOP + name + " ")
                .hasMessageEndingWith("; rename it in the pack folder and build the zip again");
    }
}
