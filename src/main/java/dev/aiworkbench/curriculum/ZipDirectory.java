package dev.aiworkbench.curriculum;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a zip's central directory record by record, as its bytes say. The JDK's readers keep neither the Unix
 * mode (so a link entry reads as a file holding its target) nor a second entry of the same name (so two readers
 * can see different content under one name); this reader keeps both, for {@link ZipScreen} to refuse. It finds the
 * directory only where the end record closes the file exactly, so that it never reads another directory than the
 * JDK's readers; a zip it cannot read that way is refused.
 */
final class ZipDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_END_SIZE = 56;
    private static final int ENTRY_SIZE = 46;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int UNKNOWN_COUNT = 0xFFFF;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    private static final int ZIP64_SIZES = 0x0001;

    /** Where the directory is: its entry count, size and offset, and the position of the record that ends it. */
    private record Directory(long entries, long size, long offset, long end) {
    }

    private ZipDirectory() {
    }

    /** Every entry in the directory's order; refuses, before reading them, a directory of more than {@code maxEntries}. */
    static List<ZipDirectoryEntry> read(Path zip, int maxEntries) throws PackAccessException, IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            long length = channel.size();
            int tailLength = (int) Math.min(length, END_SIZE + MAX_COMMENT);
            ByteBuffer tail = readAt(channel, length - tailLength, tailLength);
            int end = endRecord(tail);
            if (end < 0) {
                throw notAZip(zip, "no zip directory ends it");
            }
            long endPosition = length - tailLength + end;
            if (u16(tail, end + 4) != 0 || u16(tail, end + 6) != 0 || u16(tail, end + 8) != u16(tail, end + 10)) {
                throw new PackAccessException(zip + " is one part of a split zip; join its parts into one file first");
            }
            Directory directory = new Directory(u16(tail, end + 10), u32(tail, end + 12), u32(tail, end + 16),
                    endPosition);
            Directory found = zip64(channel, zip, directory).orElse(directory);
            if (found.entries() > maxEntries) {
                throw new PackAccessException(zip + " has more than " + maxEntries + " entries");
            }
            long start = found.end() - found.size();
            if (found.entries() < 0 || found.size() < 0 || start < 0) {
                throw notAZip(zip, "its directory is damaged");
            }
            channel.position(start);
            Records records = new Records(Channels.newInputStream(channel), found.size());
            List<ZipDirectoryEntry> entries = entries(zip, records, (int) found.entries());
            // The JDK's readers take every record in the directory, counted or not: an uncounted one would be read
            // by them but never checked here.
            if (records.left() > 0) {
                throw new PackAccessException(zip + " holds more entries than its end record counts, so zip readers"
                        + " disagree on what it holds; build the zip again from the pack folder");
            }
            return entries;
        }
    }

    /** The last end record whose comment reaches exactly to the end of the file, as an index into the tail. */
    private static int endRecord(ByteBuffer tail) {
        for (int i = tail.limit() - END_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == END_SIGNATURE && i + END_SIZE + u16(tail, i + 20) == tail.limit()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The ZIP64 end record, when a locator stands before the end record: its figures replace those the end record
     * leaves at their maximum and must agree with the others, as the JDK's readers require; the directory then ends
     * where the ZIP64 end record begins.
     */
    private static Optional<Directory> zip64(FileChannel channel, Path zip, Directory plain)
            throws PackAccessException, IOException {
        if (plain.end() < ZIP64_LOCATOR_SIZE) {
            return Optional.empty();
        }
        ByteBuffer locator = readAt(channel, plain.end() - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
        if (locator.limit() < ZIP64_LOCATOR_SIZE || locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return Optional.empty();
        }
        long position = locator.getLong(8);
        ByteBuffer end = position < 0 || position > plain.end() - ZIP64_END_SIZE ? ByteBuffer.allocate(0)
                : readAt(channel, position, ZIP64_END_SIZE);
        if (end.limit() < ZIP64_END_SIZE || end.getInt(0) != ZIP64_END_SIGNATURE) {
            throw notAZip(zip, "its ZIP64 end record is missing");
        }
        Directory wide = new Directory(end.getLong(32), end.getLong(40), end.getLong(48), position);
        if (plain.entries() != UNKNOWN_COUNT && plain.entries() != wide.entries()
                || plain.size() != UNKNOWN_SIZE && plain.size() != wide.size()
                || plain.offset() != UNKNOWN_SIZE && plain.offset() != wide.offset()) {
            throw notAZip(zip, "its two end records disagree");
        }
        return Optional.of(wide);
    }

    private static List<ZipDirectoryEntry> entries(Path zip, Records records, int count)
            throws PackAccessException, IOException {
        List<ZipDirectoryEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ByteBuffer header = records.next(ENTRY_SIZE, zip);
            if (header.getInt(0) != ENTRY_SIGNATURE) {
                throw notAZip(zip, "its directory is damaged at entry " + (i + 1));
            }
            byte[] name = records.next(u16(header, 28), zip).array();
            ByteBuffer extra = records.next(u16(header, 30), zip);
            records.next(u16(header, 32), zip);
            long compressedSize = u32(header, 20);
            long size = u32(header, 24);
            ByteBuffer wide = zip64Sizes(extra);
            if (size == UNKNOWN_SIZE && wide.remaining() >= 8) {
                size = orUnknown(wide.getLong());
            }
            if (compressedSize == UNKNOWN_SIZE && wide.remaining() >= 8) {
                compressedSize = orUnknown(wide.getLong());
            }
            entries.add(new ZipDirectoryEntry(name(zip, name), u16(header, 4), u16(header, 8), u16(header, 10),
                    u32(header, 16), compressedSize, size, u32(header, 38)));
        }
        return entries;
    }

    /**
     * The ZIP64 field of an entry's extra data, read from its start: it holds, in this order, the size and the
     * compressed size that the entry's header leaves at their maximum. Empty when there is none.
     */
    private static ByteBuffer zip64Sizes(ByteBuffer extra) {
        for (int at = 0; at + 4 <= extra.limit(); at += 4 + u16(extra, at + 2)) {
            if (u16(extra, at) == ZIP64_SIZES) {
                int length = Math.min(u16(extra, at + 2), extra.limit() - at - 4);
                return extra.slice(at + 4, length).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        return ByteBuffer.allocate(0);
    }

    /** A ZIP64 size past what a long holds reads as unknown, which no limit lets through. */
    private static long orUnknown(long size) {
        return size < 0 ? UNKNOWN_SIZE : size;
    }

    /** The name as strict UTF-8, which is how the JDK reads every name of a pack zip. */
    private static String name(Path zip, byte[] bytes) throws PackAccessException {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw new PackAccessException(zip + " has an entry whose name is not UTF-8: "
                    + new String(bytes, StandardCharsets.UTF_8) + "; rebuild the zip with `workbench pack build`,"
                    + " which writes names as UTF-8");
        }
    }

    private static PackAccessException notAZip(Path zip, String why) {
        return new PackAccessException(zip + " is neither a pack folder nor a zip archive (" + why + ")");
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer, position + buffer.position());
        }
        return buffer.flip();
    }

    private static int u16(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt(buffer.getShort(index));
    }

    private static long u32(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong(buffer.getInt(index));
    }

    /** The directory's bytes, read in order and never past the size its end record gives. */
    private static final class Records {
        private final InputStream in;
        private long left;

        Records(InputStream in, long size) {
            this.in = new BufferedInputStream(in);
            this.left = size;
        }

        long left() {
            return left;
        }

        ByteBuffer next(int length, Path zip) throws PackAccessException, IOException {
            if (length > left) {
                throw notAZip(zip, "its directory is damaged: an entry runs past its end");
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw notAZip(zip, "its directory is damaged: the file ends inside it");
            }
            left -= length;
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
