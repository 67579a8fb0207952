package dev.aiworkbench.curriculum;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A pack's records ({@link PackCodec}) in a file that says what they were made from: a magic word, a header (what the
 * reader must find equal to what it expects, such as a {@link PackCacheKey}'s stamps), the body and its CRC32C. A
 * file that is cut short, damaged, of another kind or made from anything else reads as none.
 */
final class PackFrame {
    private PackFrame() {
    }

    static void write(OutputStream stream, byte[] magic, byte[] header, Pack pack) throws IOException {
        byte[] body = PackCodec.encode(pack);
        DataOutputStream out = new DataOutputStream(stream);
        out.write(magic);
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(body.length);
        out.write(body);
        out.writeLong(crc(body));
        out.flush();
    }

    /** The pack in {@code file} when it has this magic word and exactly this header, and is whole. */
    static Optional<Pack> read(byte[] file, byte[] magic, byte[] header) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        byte[] fileMagic = new byte[magic.length];
        in.readFully(fileMagic);
        int headerLength = in.readInt();
        if (!Arrays.equals(fileMagic, magic) || headerLength != header.length || headerLength > in.available()) {
            return Optional.empty();
        }
        byte[] fileHeader = new byte[headerLength];
        in.readFully(fileHeader);
        if (!Arrays.equals(fileHeader, header)) {
            return Optional.empty();
        }
        int length = in.readInt();
        if (length < 0 || length > in.available() - Long.BYTES) {
            return Optional.empty();
        }
        byte[] body = new byte[length];
        in.readFully(body);
        if (in.readLong() != crc(body) || in.available() != 0) {
            return Optional.empty();
        }
        return Optional.of(PackCodec.decode(body));
    }

    private static long crc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }
}
