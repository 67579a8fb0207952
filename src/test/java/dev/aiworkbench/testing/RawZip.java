package dev.aiworkbench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip bytes by hand, entry by entry, so that a test can make what {@code java.util.zip} refuses to write: the
 * same name twice, a declared size that lies, a link's or a device's Unix mode, a wrong CRC-32, a folder entry that
 * holds data, a name that is not UTF-8, an encryption flag, an unknown compression method.
 */
public final class RawZip {
    public static final int DEFLATED = 8;
    public static final int STORED = 0;
    public static final int REGULAR_FILE = 0100644;
    public static final int FOLDER = 040755;
    public static final int SYMBOLIC_LINK = 0120777;
    public static final int FIFO = 010644;
    private static final int UTF8_NAMES = 0x800;
    private static final int UNIX = 3;

    private RawZip() {
    }

    /**
     * One entry as it is written: its content is deflated when {@code method} is {@link #DEFLATED} and written as
     * it is otherwise; the declared size and CRC-32 are the content's own unless set.
     */
    public record Entry(byte[] name, byte[] content, int method, OptionalLong declaredSize, OptionalLong crc,
                        int unixMode, int flags, byte[] centralExtra) {
        public static Entry file(String name, byte[] content) {
            return new Entry(name.getBytes(StandardCharsets.UTF_8), content, DEFLATED, OptionalLong.empty(),
                    OptionalLong.empty(), REGULAR_FILE, UTF8_NAMES, new byte[0]);
        }

        public static Entry file(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        public static Entry folder(String name) {
            return new Entry(name.getBytes(StandardCharsets.UTF_8), new byte[0], STORED, OptionalLong.empty(),
                    OptionalLong.empty(), FOLDER, UTF8_NAMES, new byte[0]);
        }

        public String nameText() {
            return new String(name, StandardCharsets.UTF_8);
        }

        public Entry withName(byte[] rawName) {
            return new Entry(rawName, content, method, declaredSize, crc, unixMode, flags, centralExtra);
        }

        public Entry withContent(byte[] bytes) {
            return new Entry(name, bytes, method, declaredSize, crc, unixMode, flags, centralExtra);
        }

        public Entry declaring(long size) {
            return new Entry(name, content, method, OptionalLong.of(size), crc, unixMode, flags, centralExtra);
        }

        public Entry withCrc(long value) {
            return new Entry(name, content, method, declaredSize, OptionalLong.of(value), unixMode, flags, centralExtra);
        }

        public Entry withMode(int mode) {
            return new Entry(name, content, method, declaredSize, crc, mode, flags, centralExtra);
        }

        public Entry withMethod(int value) {
            return new Entry(name, content, value, declaredSize, crc, unixMode, flags, centralExtra);
        }

        /** Extra fields in the central directory only, where the JDK's readers look for ZIP64 sizes. */
        public Entry withCentralExtra(byte[] extra) {
            return new Entry(name, content, method, declaredSize, crc, unixMode, flags, extra);
        }

        public Entry withFlags(int value) {
            return new Entry(name, content, method, declaredSize, crc, unixMode, value, centralExtra);
        }
    }

    /** Every file of a folder as a deflated entry under {@code topFolder}, sorted by path. */
    public static List<Entry> filesOf(Path folder, String topFolder) {
        try (Stream<Path> all = Files.walk(folder)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                entries.add(Entry.file(topFolder + "/" + name, Files.readAllBytes(file)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the entries, in order, as a zip at {@code zip} and returns it. */
    public static Path write(Path zip, List<Entry> entries) {
        return write(zip, entries, entries.size());
    }

    /** Writes every entry into the directory, but has its end record count only the first {@code counted}. */
    public static Path write(Path zip, List<Entry> entries, int counted) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] body = entry.method() == DEFLATED ? deflate(entry.content()) : entry.content();
            CRC32 crc = new CRC32();
            crc.update(entry.content());
            int crcValue = (int) entry.crc().orElse(crc.getValue());
            int size = (int) entry.declaredSize().orElse(entry.content().length);
            int offset = file.size();
            ByteBuffer local = little(30 + entry.name().length).putInt(0x04034b50).putShort((short) 20)
                    .putShort((short) entry.flags()).putShort((short) entry.method()).putInt(0x00210000)
                    .putInt(crcValue).putInt(body.length).putInt(size)
                    .putShort((short) entry.name().length).putShort((short) 0).put(entry.name());
            file.writeBytes(local.array());
            file.writeBytes(body);
            ByteBuffer central = little(46 + entry.name().length + entry.centralExtra().length).putInt(0x02014b50)
                    .putShort((short) (UNIX << 8 | 20)).putShort((short) 20).putShort((short) entry.flags())
                    .putShort((short) entry.method()).putInt(0x00210000).putInt(crcValue).putInt(body.length)
                    .putInt(size).putShort((short) entry.name().length).putShort((short) entry.centralExtra().length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(entry.unixMode() << 16)
                    .putInt(offset).put(entry.name()).put(entry.centralExtra());
            directory.writeBytes(central.array());
        }
        int directoryOffset = file.size();
        file.writeBytes(directory.toByteArray());
        file.writeBytes(little(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) counted).putShort((short) counted).putInt(directory.size())
                .putInt(directoryOffset).putShort((short) 0).array());
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            return Files.write(zip, file.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
