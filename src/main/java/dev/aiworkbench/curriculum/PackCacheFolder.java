package dev.aiworkbench.curriculum;

import dev.aiworkbench.store.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * {@link PackCache} as one file per pack source, named by {@link PackCacheKey#slot()}: a header (a magic word, the
 * {@link PackCodec#FORMAT format}, the key's stamps), the {@link PackCodec} body and its CRC32C. A file that is cut
 * short, damaged, of another format or made from other content counts as none; the load that follows writes it
 * again. Files are replaced in one step ({@link AtomicFiles}).
 */
final class PackCacheFolder implements PackCache {
    private static final byte[] MAGIC = "AIWB-PACK".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;

    PackCacheFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<Pack> read(PackCacheKey key) {
        try {
            byte[] file = Files.readAllBytes(file(key));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != PackCodec.FORMAT) {
                return Optional.empty();
            }
            int stampsLength = in.readInt();
            if (stampsLength < 0 || stampsLength > in.available()) {
                return Optional.empty();
            }
            byte[] stamps = new byte[stampsLength];
            in.readFully(stamps);
            if (!Arrays.equals(stamps, key.stamps().getBytes(StandardCharsets.UTF_8))) {
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
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(PackCacheKey key, Pack pack) {
        byte[] body = PackCodec.encode(pack);
        byte[] stamps = key.stamps().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file(key), stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.write(MAGIC);
                out.writeInt(PackCodec.FORMAT);
                out.writeInt(stamps.length);
                out.write(stamps);
                out.writeInt(body.length);
                out.write(body);
                out.writeLong(crc(body));
                out.flush();
            });
        } catch (IOException e) {
            // nothing lost: the next load parses the pack again
        }
    }

    private Path file(PackCacheKey key) {
        return folder.resolve(key.slot() + ".pack");
    }

    private static long crc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }
}
