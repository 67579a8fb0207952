package dev.aiworkbench.curriculum.bundle;

import dev.aiworkbench.curriculum.PackLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The content of a built pack file: every entry lies in one top folder named after the pack, and
 * {@link #files()} maps each path below that folder (forward slashes) to its bytes, sorted by path.
 * Reading is bounded by the limits an install applies ({@link PackLocation}), and refuses duplicate
 * entries, which would let two readers see different content under one name.
 */
public record PackArchive(String topFolder, SortedMap<String, byte[]> files) {
    public static final String SIGNATURE = "MANIFEST.sig";
    public static final String PUBLIC_KEY = "MANIFEST.pub";

    public PackArchive {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public static PackArchive read(Path zip) throws BundleException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String top = null;
            SortedMap<String, byte[]> files = new TreeMap<>();
            long total = 0;
            int count = 0;
            for (Enumeration<? extends ZipEntry> entries = archive.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (++count > PackLocation.MAX_FILES) {
                    throw new BundleException(zip + " has more than " + PackLocation.MAX_FILES + " entries");
                }
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash <= 0 || name.contains("\\") || name.contains("//") || name.contains("/../")
                        || name.endsWith("/..")) {
                    throw new BundleException(zip + ": the entry '" + name + "' is not inside one top folder;"
                            + " a pack file holds a single folder named after the pack");
                }
                String entryTop = name.substring(0, slash);
                if (top != null && !top.equals(entryTop)) {
                    throw new BundleException(zip + " has two top folders, '" + top + "' and '" + entryTop
                            + "'; a pack file holds a single folder named after the pack");
                }
                top = entryTop;
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readBounded(archive, entry, zip);
                total += content.length;
                if (total > PackLocation.MAX_TOTAL_BYTES) {
                    throw new BundleException(zip + " unpacks to more than "
                            + PackLocation.MAX_TOTAL_BYTES / 1024 / 1024 + " MB");
                }
                if (files.put(name.substring(slash + 1), content) != null) {
                    throw new BundleException(zip + " holds '" + name + "' twice; build the pack again with"
                            + " `workbench pack build`");
                }
            }
            if (top == null) {
                throw new BundleException(zip + " is empty; build the pack with `workbench pack build`");
            }
            return new PackArchive(top, files);
        } catch (ZipException e) {
            throw new BundleException(zip + " is not a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BundleException("cannot read " + zip + ": " + e.getMessage());
        }
    }

    private static byte[] readBounded(ZipFile archive, ZipEntry entry, Path zip) throws IOException, BundleException {
        long limit = PackLocation.MAX_FILE_BYTES * 4;
        try (InputStream in = archive.getInputStream(entry)) {
            byte[] content = in.readNBytes((int) limit + 1);
            if (content.length > limit) {
                throw new BundleException(zip + ": " + entry.getName() + " is larger than "
                        + limit / 1024 / 1024 + " MB");
            }
            return content;
        }
    }
}
