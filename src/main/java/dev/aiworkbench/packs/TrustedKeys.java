package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.bundle.KeyFileException;
import dev.aiworkbench.curriculum.bundle.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pack-signing keys the learner trusts: a pack whose signature matches one of them installs without asking.
 * One file a key, {@code <fingerprint>.pub}: the key in PEM (so OpenSSL reads the file as it is), with its name and
 * the date it was trusted in comment lines above it, as minisign keeps a comment beside a key. Plain files, like the
 * installed packs, so an install can check a signature without opening the database.
 */
public final class TrustedKeys {
    private static final String SUFFIX = ".pub";
    private static final String NAME_LINE = "# name: ";
    private static final String ADDED_LINE = "# added: ";
    private static final int MAX_NAME_LENGTH = 200;

    private final Path folder;
    private final Clock clock;

    /** @param folder where the keys are kept; created on the first key trusted */
    public TrustedKeys(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Trusts the key in a public key PEM file, such as the {@code pack-signing.pub} an instructor publishes.
     *
     * @param name the learner's name for the key; without one, the file it came from
     * @throws KeyFileException the file is missing or holds no Ed25519 public key
     */
    public Outcome add(Path publicKeyFile, Optional<String> name) throws KeyFileException, IOException {
        PublicKey key = SigningKeys.readPublic(publicKeyFile);
        return add(key, name.filter(n -> !n.isBlank()).orElse("from " + publicKeyFile.getFileName()));
    }

    /** Trusts a key; a key trusted already is left as it is, with the name and date it has. */
    public Outcome add(PublicKey key, String name) throws IOException {
        String fingerprint = SigningKeys.fingerprint(key);
        Optional<TrustedKey> existing = find(fingerprint);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), true);
        }
        String cleanName = clean(name);
        Instant added = clock.instant();
        Path file = folder.resolve(fingerprint + SUFFIX);
        String pem = new String(SigningKeys.publicPem(key), StandardCharsets.US_ASCII).stripTrailing();
        PackShelf.writeAtomically(file, "# A pack-signing key you trust: packs it signed install without asking.\n"
                + "# `workbench pack distrust " + fingerprint.substring(0, 12) + "` stops trusting it.\n"
                + NAME_LINE + cleanName + "\n" + ADDED_LINE + added + "\n" + pem);
        return new Outcome(new TrustedKey(fingerprint, cleanName, added, key, file), false);
    }

    /**
     * What {@link #add} did.
     *
     * @param alreadyTrusted the key was trusted before, and nothing was written
     */
    public record Outcome(TrustedKey key, boolean alreadyTrusted) {
    }

    /** The trusted keys, oldest first; files that hold no key are left out (see {@link #unreadable()}). */
    public List<TrustedKey> list() {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path file : keyFiles()) {
            read(file).ifPresent(keys::add);
        }
        keys.sort(Comparator.comparing(TrustedKey::added).thenComparing(TrustedKey::fingerprint));
        return keys;
    }

    /** Files in the folder that hold no readable key: nothing they held is trusted. */
    public List<Path> unreadable() {
        return keyFiles().stream().filter(file -> read(file).isEmpty()).toList();
    }

    /** The keys alone, for checking a signature. */
    public List<PublicKey> keys() {
        return list().stream().map(TrustedKey::key).toList();
    }

    public Optional<TrustedKey> find(String fingerprint) {
        return list().stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
    }

    /** The trusted keys whose fingerprint starts with the given hex digits (upper or lower case). */
    public List<TrustedKey> matching(String fingerprintPrefix) {
        String prefix = fingerprintPrefix.strip().toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return List.of();
        }
        return list().stream().filter(k -> k.fingerprint().startsWith(prefix)).toList();
    }

    /** Stops trusting a key: packs it signed ask again before they install. Installed packs stay installed. */
    public void remove(TrustedKey key) throws IOException {
        Files.deleteIfExists(key.file());
    }

    private List<Path> keyFiles() {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            // Names starting with a dot are files being written (see PackShelf#writeAtomically).
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** A key file's key, name and date; the name and date are niceties, so a file without them still counts. */
    private static Optional<TrustedKey> read(Path file) {
        PublicKey key;
        List<String> lines;
        try {
            key = SigningKeys.readPublic(file);
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (KeyFileException | IOException e) {
            return Optional.empty();
        }
        String name = value(lines, NAME_LINE).orElse("");
        Instant added = value(lines, ADDED_LINE).flatMap(TrustedKeys::instant).orElse(modified(file));
        return Optional.of(new TrustedKey(SigningKeys.fingerprint(key), name, added, key, file));
    }

    private static Optional<String> value(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).strip());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** One line, so the name cannot add lines of its own to the key file. */
    private static String clean(String name) {
        String oneLine = name.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() > MAX_NAME_LENGTH ? oneLine.substring(0, MAX_NAME_LENGTH) : oneLine;
    }
}
