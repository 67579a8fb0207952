package dev.aiworkbench.curriculum.bundle;

import dev.aiworkbench.curriculum.LoadResult;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.curriculum.PackInfo;
import dev.aiworkbench.curriculum.PackClutter;
import dev.aiworkbench.curriculum.PackLoader;
import dev.aiworkbench.curriculum.PackLocation;
import dev.aiworkbench.diagnostics.Problem;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the file instructors hand out from a pack folder: the pack is validated first, then every file
 * goes into a deterministic zip ({@link DeterministicZip}) under a folder named after the pack, beside a
 * manifest of each file's SHA-256 and size. Operating-system clutter and version-control folders are left
 * out (and reported); links are refused, as an install would refuse them.
 */
public final class PackBuilder {
    /** Names at the top of a pack file that the build and signing write themselves. */
    static final Set<String> RESERVED = Set.of(PackManifest.FILE_NAME, PackArchive.SIGNATURE, PackArchive.PUBLIC_KEY);

    private final PackLoader loader;

    public PackBuilder(PackLoader loader) {
        this.loader = loader;
    }

    public BuiltPack build(Path folder, Path output) throws BundleException, IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new BundleException(folder + " is not a folder; give the folder that holds the pack's pack.yaml");
        }
        if (output.toAbsolutePath().normalize().startsWith(root)) {
            throw new BundleException("the output " + output + " is inside the pack folder, so the next build would"
                    + " pack it too; write it somewhere else");
        }
        PackInfo info = validate(root);
        List<String> skipped = new ArrayList<>();
        SortedMap<String, byte[]> files = collect(root, skipped);
        List<ManifestFile> entries = files.entrySet().stream()
                .map(file -> ManifestFile.of(file.getKey(), file.getValue())).toList();
        PackManifest manifest = new PackManifest(info.id(), info.version(), entries);
        files.put(PackManifest.FILE_NAME, manifest.toJson());
        DeterministicZip.write(new PackArchive(info.id(), files), output);
        return new BuiltPack(output, manifest, List.copyOf(skipped));
    }

    private PackInfo validate(Path root) throws BundleException, IOException {
        LoadResult result;
        try (PackLocation location = PackLocation.open(root)) {
            result = loader.load(location);
        } catch (PackAccessException e) {
            throw new BundleException(e.getMessage());
        }
        if (!result.valid() || result.pack().isEmpty()) {
            throw new BundleException("the pack has " + result.errorCount() + " error(s); fix them and build again",
                    result.problems().stream().filter(Problem::isError).map(Problem::toString).toList());
        }
        return result.pack().get().info();
    }

    private static SortedMap<String, byte[]> collect(Path root, List<String> skipped) throws IOException, BundleException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<String> links = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root) && PackClutter.isFolder(dir)) {
                    skipped.add(name(root, dir) + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = name(root, file);
                if (attributes.isSymbolicLink()) {
                    links.add(name);
                } else if (PackClutter.FILES.contains(file.getFileName().toString())) {
                    skipped.add(name);
                } else if (attributes.isRegularFile()) {
                    files.put(name, Files.readAllBytes(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!links.isEmpty()) {
            throw new BundleException("packs may not contain links; replace them with the files they point to", links);
        }
        List<String> reserved = RESERVED.stream().filter(files::containsKey).sorted().toList();
        if (!reserved.isEmpty()) {
            throw new BundleException("the pack folder holds a file the build writes itself; rename or remove it",
                    reserved);
        }
        checkSize(files);
        skipped.sort(null);
        return files;
    }

    /** The bounds an install applies, checked here so a pack that builds also installs. */
    private static void checkSize(SortedMap<String, byte[]> files) throws BundleException {
        if (files.size() >= PackLocation.MAX_FILES) {
            throw new BundleException("the pack has " + files.size() + " files; a pack may hold fewer than "
                    + PackLocation.MAX_FILES);
        }
        long total = 0;
        for (var file : files.entrySet()) {
            if (file.getValue().length > PackLocation.MAX_FILE_BYTES * 4) {
                throw new BundleException(file.getKey() + " is larger than " + PackLocation.MAX_FILE_BYTES * 4 / 1024 / 1024
                        + " MB, more than an install accepts; keep large data sets outside the pack");
            }
            total += file.getValue().length;
        }
        if (total > PackLocation.MAX_TOTAL_BYTES) {
            throw new BundleException("the pack's files add up to more than " + PackLocation.MAX_TOTAL_BYTES / 1024 / 1024
                    + " MB, more than an install accepts; keep large data sets outside the pack");
        }
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
