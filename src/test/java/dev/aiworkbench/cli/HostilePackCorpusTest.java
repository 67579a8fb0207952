package dev.aiworkbench.cli;

import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.app.Logging;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.store.BackupFolder;
import dev.aiworkbench.store.Backups;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.FolderSnapshot;
import dev.aiworkbench.testing.RawZip;
import dev.aiworkbench.testing.RawZip.Entry;
import dev.aiworkbench.testing.TinyPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus: zips built to harm, each one a valid pack with one thing done to it. Each goes through
 * {@code pack install} over a data folder that already holds installed packs, a progress database and a backup, and
 * each must be refused with its reason and the entry it is about, leaving the data folder byte for byte as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePackCorpusTest {
    private static final String TOP = TinyPack.ID + "/";
    private static final String WEEK = TOP + TinyPack.WEEK_FILE;
    private static final String PHASE = TOP + "phases/1-basics.yaml";
    private static final long MAX_ENTRY_BYTES = PackLocation.MAX_FILE_BYTES * 4;

    /** Static, so that the one data folder serves the whole corpus. */
    @TempDir
    static Path temp;

    private CliHarness cli;
    private Path data;

    /** Writes the tiny pack's entries as a zip with one harm done to it. */
    interface Harm {
        Path write(Path zip, List<Entry> pack);
    }

    /**
     * One hostile zip: the tiny pack (as version 1.3.0, an upgrade of the installed 1.2.0) with {@code harm} done to
     * it, and what the refusal must say.
     */
    record Hostile(String name, Harm harm, List<String> refusalSays) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void dataFolderWithPacksProgressAndABackup() {
        data = temp.resolve("data");
        cli = new CliHarness(data);
        ok(cli.run("pack", "install", "curriculum/llm-evals-in-practice", "--yes"));
        ok(cli.run("pack", "use", "llm-evals-in-practice"));
        ok(cli.run("progress", "mark", "w01-failure-inventory", "done"));
        ok(cli.run("pack", "install", TinyPack.write(temp.resolve("tiny-installed")).toString(), "--yes"));
        DataFolder folder = new DataFolder(data, "test");
        try (Database database = Database.open(folder.database())) {
            new Backups(database, new BackupFolder(folder.backups()), Clock.systemUTC()).backup(Backups.MANUAL);
        }
        // The verbs above pointed the log into the data folder; a new process running `pack install` would not.
        Logging.toFolder(temp.resolve("elsewhere/logs"));
    }

    private static CliHarness.Run ok(CliHarness.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    /** The tiny pack at version 1.3.0, as entries under its top folder. */
    private List<Entry> packEntries() {
        Path folder = TinyPack.write(temp.resolve("tiny-" + System.nanoTime()));
        List<Entry> entries = new ArrayList<>();
        for (Entry entry : RawZip.filesOf(folder, TinyPack.ID)) {
            entries.add(entry.nameText().equals(TOP + "pack.yaml") ? entry.withContent(text(entry)
                    .replace("version: 1.2.0", "version: 1.3.0").getBytes(StandardCharsets.UTF_8)) : entry);
        }
        return entries;
    }

    @Test
    void thePackTheCorpusHarmsInstallsUnharmed() {
        Path zip = RawZip.write(temp.resolve("unharmed.zip"), packEntries());

        CliHarness.Run run = ok(new CliHarness(temp.resolve("other-data")).run("pack", "install", zip.toString(),
                "--yes"));

        assertThat(run.out()).startsWith("installed tiny-pack 1.3.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsReasonAndNothingIsWritten(Hostile hostile) {
        Path zip = hostile.harm().write(temp.resolve("corpus/" + hostile.name() + ".zip"), packEntries());
        FolderSnapshot before = FolderSnapshot.of(data);

        CliHarness.Run run = cli.run("pack", "install", zip.toString(), "--yes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).as(run.toString()).startsWith("Not installed: ");
        assertThat(run.err()).as(run.toString()).contains(hostile.refusalSays());
        assertThat(FolderSnapshot.of(data).changesSince(before)).isEmpty();
        assertThat(before.lines()).anyMatch(line -> line.startsWith("workbench.db  "))
                .anyMatch(line -> line.startsWith("backups/workbench-"))
                .anyMatch(line -> line.startsWith("packs/tiny-pack/1.2.0/pack.yaml  "));
    }

    Stream<Hostile> corpus() {
        return Stream.of(
                new Hostile("entry-leaves-the-folder", adding(Entry.file(TOP + "../../evil.md", "pwned")),
                        List.of("has an entry that leaves the pack folder: " + TOP + "../../evil.md")),
                new Hostile("absolute-path", adding(Entry.file("/tmp/evil.md", "pwned")),
                        List.of("has an entry that leaves the pack folder: /tmp/evil.md")),
                new Hostile("windows-drive-path", adding(Entry.file("C:/Users/evil.md", "pwned")),
                        List.of("has an entry that leaves the pack folder: C:/Users/evil.md")),
                new Hostile("backslash-path", adding(Entry.file(TOP + "..\\..\\evil.md", "pwned")),
                        List.of("has an entry that leaves the pack folder: " + TOP + "..\\..\\evil.md")),
                new Hostile("symbolic-link", adding(Entry.file(TOP + "notes.md", "../../../.ssh/id_ed25519").withMode(
                        RawZip.SYMBOLIC_LINK).withMethod(RawZip.STORED)),
                        List.of(TOP + "notes.md is a symbolic link; packs may not contain links")),
                new Hostile("named-pipe", adding(Entry.file(TOP + "notes.md", "").withMode(RawZip.FIFO)),
                        List.of(TOP + "notes.md is a device, pipe or socket")),
                new Hostile("duplicate-entry", adding(Entry.file(TOP + "pack.yaml", "id: something-else\n")),
                        List.of("holds the entry " + TOP + "pack.yaml twice")),
                new Hostile("names-differing-in-case", adding(Entry.file(TOP + "weeks/01-Start.md", "# Start\n")),
                        List.of("the entries " + WEEK + " and " + TOP + "weeks/01-Start.md differ only in letter case,"
                                + " so they are one file on macOS and Windows")),
                new Hostile("folders-differing-in-case", adding(Entry.file(TOP + "Weeks/02-more.md", "# More\n")),
                        List.of("the entries " + TOP + "weeks and " + TOP + "Weeks differ only in letter case")),
                new Hostile("names-differing-in-unicode-form", adding(
                        Entry.file(TOP + Normalizer.normalize("notes/café.md", Normalizer.Form.NFC), "one"),
                        Entry.file(TOP + Normalizer.normalize("notes/café.md", Normalizer.Form.NFD), "two")),
                        List.of("are one name written in two Unicode forms", TOP + "notes/caf")),
                new Hostile("file-and-folder-at-once", adding(Entry.file(TOP + "weeks", "hidden")),
                        List.of(TOP + "weeks is both a file and a folder")),
                new Hostile("folder-entry-holding-data", adding(Entry.folder(TOP + "notes/")
                        .withContent("hidden".getBytes(StandardCharsets.UTF_8))),
                        List.of(TOP + "notes/ is a folder entry that holds data")),
                new Hostile("folder-mode-on-a-file-name", adding(Entry.file(TOP + "notes", "").withMode(RawZip.FOLDER)),
                        List.of(TOP + "notes is marked as a folder but named as a file")),
                new Hostile("control-character-in-name", adding(Entry.file(TOP + "notes/a\u0007b.md", "x")),
                        List.of("has an entry whose name holds a control character: " + TOP + "notes/a\\u0007b.md")),
                new Hostile("name-not-utf-8", adding(Entry.file(TOP + "notes/x.md", "x")
                        .withName(latin1(TOP + "notes/café.md")).withFlags(0)),
                        List.of("has an entry whose name is not UTF-8: " + TOP + "notes/caf")),
                new Hostile("dot-part-in-name", adding(Entry.file(TOP + "./pack.yaml", "id: dotted\n")),
                        List.of("the entry " + TOP + "./pack.yaml has an empty or '.' part")),
                new Hostile("alternate-data-stream-name", adding(Entry.file(TOP + "pack.yaml:hidden", "x")),
                        List.of("the entry " + TOP + "pack.yaml:hidden holds the character ':'")),
                new Hostile("trailing-dot-name", adding(Entry.file(TOP + "pack.yaml.", "id: other\n")),
                        List.of("the entry " + TOP + "pack.yaml. has a part ending in a dot or a space")),
                new Hostile("windows-device-name", adding(Entry.file(TOP + "notes/aux.md", "x")),
                        List.of("the entry " + TOP + "notes/aux.md has the part 'aux.md', which Windows takes for the"
                                + " device AUX")),
                new Hostile("entry-the-end-record-does-not-count", (zip, entries) -> {
                    List<Entry> withLink = new ArrayList<>(entries);
                    withLink.add(Entry.file(TOP + "notes.md", "/etc/passwd").withMode(RawZip.SYMBOLIC_LINK));
                    return RawZip.write(zip, withLink, entries.size());
                }, List.of("holds more entries than its end record counts")),
                new Hostile("too-many-entries", changing(entries -> {
                    List<Entry> many = new ArrayList<>(entries);
                    for (int i = 0; many.size() <= PackLocation.MAX_FILES; i++) {
                        many.add(Entry.file(TOP + "notes/" + i + ".md", "").withMethod(RawZip.STORED));
                    }
                    return many;
                }), List.of("has more than " + PackLocation.MAX_FILES + " entries")),
                new Hostile("entry-over-the-size-limit", adding(Entry.file(TOP + "datasets/big.jsonl",
                        new byte[(int) MAX_ENTRY_BYTES + 1])),
                        List.of(TOP + "datasets/big.jsonl is larger than 4 MB")),
                new Hostile("entries-over-the-total-limit", changing(entries -> {
                    List<Entry> large = new ArrayList<>(entries);
                    for (long total = 0; total <= PackLocation.MAX_TOTAL_BYTES; total += MAX_ENTRY_BYTES) {
                        large.add(Entry.file(TOP + "datasets/part-" + total + ".jsonl", "{}\n")
                                .withMethod(RawZip.STORED).declaring(MAX_ENTRY_BYTES));
                    }
                    return large;
                }), List.of("unpacks to more than 200 MB")),
                new Hostile("size-unknown-0xffffffff", adding(Entry.file(TOP + "datasets/cases.jsonl", "{}\n")
                        .declaring(0xFFFFFFFFL)),
                        List.of(TOP + "datasets/cases.jsonl is larger than 4 MB")),
                new Hostile("bomb-declaring-a-small-size", adding(Entry.file(TOP + "datasets/cases.jsonl",
                        new byte[3 * 1024 * 1024]).declaring(1000)),
                        List.of(TOP + "datasets/cases.jsonl inflates to more than the 1000 bytes the zip declares")),
                new Hostile("bomb-in-a-file-the-loader-reads", harming(TOP + "pack.yaml", entry -> entry.withContent(
                        (text(entry) + "#" + " ".repeat(2 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8))
                        .declaring(entry.content().length)),
                        List.of(TOP + "pack.yaml inflates to more than the")),
                new Hostile("bomb-with-an-honest-size", adding(Entry.file(TOP + "datasets/cases.jsonl",
                        new byte[(int) MAX_ENTRY_BYTES])),
                        List.of(TOP + "datasets/cases.jsonl would inflate from", "more than 100 times over")),
                new Hostile("size-declared-larger-than-the-content", harming(WEEK,
                        entry -> entry.declaring(entry.content().length + 10L)),
                        List.of(WEEK + " holds ", " bytes, not the ")),
                new Hostile("crc-that-does-not-match", harming(WEEK, entry -> entry.withCrc(0x12345678L)),
                        List.of(WEEK + " does not match its CRC-32")),
                new Hostile("encrypted-entry", harming(WEEK, entry -> entry.withFlags(entry.flags() | 1)),
                        List.of(WEEK + " is encrypted")),
                new Hostile("unknown-compression-method", harming(WEEK, entry -> entry.withMethod(12)),
                        List.of(WEEK + " is compressed with method 12")),
                new Hostile("yaml-alias-bomb", harming(PHASE, entry -> entry.withContent((text(entry) + """
                        laughs: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]
                        laughs2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                        laughs3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                        laughs4: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                        """).getBytes(StandardCharsets.UTF_8))),
                        List.of("phases/1-basics.yaml:", "YAML aliases (*a) are not supported")),
                new Hostile("invalid-utf-8", harming(WEEK, entry -> entry.withContent(concat(entry.content(),
                        new byte[]{'\n', 'c', 'a', 'f', (byte) 0xE9, '\n'}))),
                        List.of(TinyPack.WEEK_FILE + ":", "the byte 0xE9 here is not valid UTF-8")),
                new Hostile("schema-violation-id-as-a-path", harming(TOP + "pack.yaml", entry -> entry.withContent(
                        text(entry).replace("id: tiny-pack", "id: ../../evil").getBytes(StandardCharsets.UTF_8))),
                        List.of("pack.yaml:1:5: id:")));
    }

    private static Harm changing(UnaryOperator<List<Entry>> change) {
        return (zip, entries) -> RawZip.write(zip, change.apply(entries));
    }

    private static Harm adding(Entry... extra) {
        return changing(entries -> {
            List<Entry> harmed = new ArrayList<>(entries);
            harmed.addAll(List.of(extra));
            return harmed;
        });
    }

    private static Harm harming(String name, UnaryOperator<Entry> harm) {
        return changing(entries -> {
            assertThat(entries).extracting(Entry::nameText).contains(name);
            return entries.stream().map(entry -> entry.nameText().equals(name) ? harm.apply(entry) : entry).toList();
        });
    }

    private static String text(Entry entry) {
        return new String(entry.content(), StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String name) {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
