package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The files of an image made FROM scratch, gathered from the host: each entry says where a host file goes in the
 * image. The entries give the inputs' hash (paths, executable bits and contents, plus any extra text such as the
 * Dockerfile), which is computed without copying anything; {@link #copyTo} lays them out for {@code docker build}.
 */
final class RootFs {
    private final TreeMap<String, Path> files = new TreeMap<>();
    private final TreeMap<String, String> links = new TreeMap<>();
    private final Set<String> hashOnlyParts = new LinkedHashSet<>();
    private final List<Predicate<String>> unhashed = new ArrayList<>();
    private final List<Path> librariesOf = new ArrayList<>();
    private Path librariesExcept;

    /** A host file at this absolute path in the image; a link on the host is followed. */
    RootFs file(Path host, String target) {
        files.put(target, host);
        return this;
    }

    /** A host folder's files under this path in the image, leaving out what {@code skip} says (by relative path). */
    RootFs tree(Path host, String target, Predicate<Path> skip) throws IOException {
        Files.walkFileTree(host, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return skip.test(host.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path relative = host.relativize(file);
                if (!skip.test(relative) && Files.isRegularFile(file)) {
                    files.put(target + "/" + relative.toString().replace('\\', '/'), file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return this;
    }

    /** A symbolic link in the image. */
    RootFs link(String target, String pointsTo) {
        links.put(target, pointsTo);
        return this;
    }

    /**
     * The host's shared libraries that these binaries load, found when the image is built. They are not part of
     * the hash: they follow from the binaries, and an image keeps a set that works together until its binaries
     * change (asking {@code ldd} about every Python extension would take seconds on every test run). Libraries
     * under {@code except} (the binaries' own folder, such as a JDK's) are left out.
     */
    RootFs librariesOf(Collection<Path> binaries, Path except) {
        librariesOf.addAll(binaries);
        librariesExcept = except;
        return this;
    }

    /** Text that is part of the inputs without being a file (a Dockerfile, a JDK's identity). */
    RootFs hashAlso(String text) {
        hashOnlyParts.add(text);
        return this;
    }

    /** Files copied but left out of the hash because they derive from hashed ones (Python's byte code). */
    RootFs unhashed(Predicate<String> derived) {
        unhashed.add(derived);
        return this;
    }

    Set<String> targets() {
        return files.keySet();
    }

    /** SHA-256 over every entry, in path order. */
    String hash() throws IOException {
        MessageDigest digest = sha256();
        for (String text : hashOnlyParts) {
            update(digest, "text:" + text);
        }
        byte[] buffer = new byte[1 << 16];
        for (var entry : files.entrySet()) {
            if (unhashed.stream().anyMatch(p -> p.test(entry.getKey()))) {
                continue;
            }
            update(digest, "file:" + entry.getKey() + (Files.isExecutable(entry.getValue()) ? ":x" : ""));
            try (InputStream in = Files.newInputStream(entry.getValue())) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, read);
                }
            }
        }
        links.forEach((target, pointsTo) -> update(digest, "link:" + target + "->" + pointsTo));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Lays out the entries and the libraries they load under {@code root}: hard links where the file system allows
     * (the build context only has to be read), else copies that keep the executable bits.
     */
    void copyTo(Path root) throws IOException, InterruptedException {
        for (Path library : SharedLibraries.of(librariesOf)) {
            if (librariesExcept == null || !library.normalize().startsWith(librariesExcept)) {
                files.putIfAbsent(library.toString(), library);
            }
        }
        for (var entry : files.entrySet()) {
            Path to = root.resolve(entry.getKey().substring(1));
            Files.createDirectories(to.getParent());
            Path source = entry.getValue().toRealPath();
            try {
                Files.createLink(to, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        for (var link : links.entrySet()) {
            Path at = root.resolve(link.getKey().substring(1));
            Files.createDirectories(at.getParent());
            if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(at);
            }
            Files.createSymbolicLink(at, Path.of(link.getValue()));
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
