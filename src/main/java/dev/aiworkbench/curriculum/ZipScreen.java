package dev.aiworkbench.curriculum;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a zip before anything in it is read: every entry's name, kind, declared size and compression ratio, the
 * paths they make together, and then every entry's real bytes, inflated once and counted. A zip's declared sizes are
 * only a promise (a zip bomb declares a few bytes and inflates to gigabytes), so an entry that inflates past its
 * declared size, or falls short of it, is refused; the declared sizes are bounded, so the real ones are too.
 */
final class ZipScreen {
    private static final int BUFFER = 8192;

    private ZipScreen() {
    }

    static void check(Path zip, ArchiveLimits limits) throws PackAccessException {
        try {
            List<ZipDirectoryEntry> entries = ZipDirectory.read(zip, limits.maxFiles());
            long total = 0;
            for (ZipDirectoryEntry entry : entries) {
                EntryNames.check(zip, entry.name());
                checkKind(zip, entry);
                if (entry.size() > limits.maxEntryBytes()) {
                    throw new PackAccessException(zip + ": " + entry.name() + " is larger than "
                            + ArchiveLimits.size(limits.maxEntryBytes()));
                }
                total += entry.size();
                if (total > limits.maxTotalBytes()) {
                    throw new PackAccessException(zip + " unpacks to more than "
                            + ArchiveLimits.size(limits.maxTotalBytes()));
                }
            }
            EntryTree tree = new EntryTree(zip);
            for (ZipDirectoryEntry entry : entries) {
                tree.add(entry.name());
            }
            for (ZipDirectoryEntry entry : entries) {
                checkRatio(zip, entry, limits);
            }
            checkContent(zip, entries);
        } catch (IOException e) {
            throw new PackAccessException("cannot read " + zip + ": " + e.getMessage());
        }
    }

    private static void checkKind(Path zip, ZipDirectoryEntry entry) throws PackAccessException {
        String name = entry.name();
        int type = entry.unixType();
        if (type == ZipDirectoryEntry.SYMBOLIC_LINK) {
            throw new PackAccessException(zip + ": " + name + " is a symbolic link; packs may not contain links");
        }
        if (type != 0 && type != ZipDirectoryEntry.REGULAR_FILE && type != ZipDirectoryEntry.FOLDER) {
            throw new PackAccessException(zip + ": " + name + " is a device, pipe or socket, not a file; packs hold"
                    + " only files and folders");
        }
        if (entry.markedAsFolder() && !entry.namedAsFolder()) {
            throw new PackAccessException(zip + ": " + name + " is marked as a folder but named as a file; build the"
                    + " zip again from the pack folder");
        }
        if (entry.namedAsFolder() && entry.size() > 0) {
            throw new PackAccessException(zip + ": " + name + " is a folder entry that holds data; build the zip"
                    + " again from the pack folder");
        }
        if (entry.encrypted()) {
            throw new PackAccessException(zip + ": " + name + " is encrypted; packs are not, so ask the pack's author"
                    + " for a zip without a password");
        }
        if (entry.method() != ZipDirectoryEntry.STORED && entry.method() != ZipDirectoryEntry.DEFLATED) {
            throw new PackAccessException(zip + ": " + name + " is compressed with method " + entry.method()
                    + ", which the app does not read; build the zip with `workbench pack build`");
        }
    }

    private static void checkRatio(Path zip, ZipDirectoryEntry entry, ArchiveLimits limits)
            throws PackAccessException {
        if (entry.size() > limits.ratioExemptBytes()
                && entry.size() > limits.maxRatio() * Math.max(1, entry.compressedSize())) {
            throw new PackAccessException(zip + ": " + entry.name() + " would inflate from "
                    + entry.compressedSize() + " to " + entry.size() + " bytes, more than " + limits.maxRatio()
                    + " times over, as a zip bomb does; a pack's files compress far less, so ask its author for"
                    + " the zip `workbench pack build` makes");
        }
    }

    /** Inflates every entry once, holding it to its declared size and CRC-32. */
    private static void checkContent(Path zip, List<ZipDirectoryEntry> entries)
            throws PackAccessException, IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            byte[] buffer = new byte[BUFFER];
            for (ZipDirectoryEntry entry : entries) {
                ZipEntry found = file.getEntry(entry.name());
                if (found == null || found.getSize() != entry.size() || found.getCrc() != entry.crc()) {
                    throw new PackAccessException(zip + ": " + entry.name() + " reads differently in another zip"
                            + " reader; build the zip again from the pack folder");
                }
                checkBytes(zip, entry, file, found, buffer);
            }
        } catch (ZipException e) {
            throw new PackAccessException(zip + " is neither a pack folder nor a zip archive (" + e.getMessage() + ")");
        }
    }

    private static void checkBytes(Path zip, ZipDirectoryEntry entry, ZipFile file, ZipEntry found, byte[] buffer)
            throws PackAccessException, IOException {
        CRC32 crc = new CRC32();
        long read = 0;
        try (InputStream in = file.getInputStream(found)) {
            int n;
            // Never more than one byte past the declared size: that byte is enough to know the size lied.
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, entry.size() - read + 1))) > 0) {
                read += n;
                if (read > entry.size()) {
                    throw new PackAccessException(zip + ": " + entry.name() + " inflates to more than the "
                            + entry.size() + " bytes the zip declares for it, as a zip bomb does; the zip is damaged"
                            + " or made to harm, so ask its author for the zip `workbench pack build` makes");
                }
                crc.update(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw new PackAccessException(zip + ": " + entry.name() + " cannot be inflated (" + e.getMessage()
                    + "); the zip is damaged, so download it again");
        }
        if (read != entry.size()) {
            throw new PackAccessException(zip + ": " + entry.name() + " holds " + read + " bytes, not the "
                    + entry.size() + " the zip declares for it; the zip is damaged, so download it again");
        }
        if (crc.getValue() != entry.crc()) {
            throw new PackAccessException(zip + ": " + entry.name() + " does not match its CRC-32; the zip is"
                    + " damaged, so download it again");
        }
    }
}
