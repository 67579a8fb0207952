package dev.aiworkbench.curriculum.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link PackArchive} so the same content always gives the same bytes: entries sorted by path,
 * no directory entries, one fixed local date-time (set as DOS fields, so the time zone of the machine
 * plays no part and no extended-timestamp field is written), no permissions recorded, no comment.
 * Entries are stored, not deflated: compressed bytes depend on the zlib version of the machine that
 * built them, and a pack's text is small. The file is written beside its target and moved into place,
 * so a reader never sees half a pack.
 */
final class DeterministicZip {
    /**
     * Not 1980-01-01T00:00: the JDK takes that DOS value for "before 1980" and adds an extended timestamp
     * computed in the machine's time zone, which would make the bytes depend on where the pack was built.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private DeterministicZip() {
    }

    static void write(PackArchive archive, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> file : archive.files().entrySet()) {
                    zip.putNextEntry(entry(archive.topFolder() + "/" + file.getKey(), file.getValue()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static ZipEntry entry(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
