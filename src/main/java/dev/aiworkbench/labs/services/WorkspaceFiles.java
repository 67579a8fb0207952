package dev.aiworkbench.labs.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fills a learner's workspace: the stub, then the lab's starter (which wins over the stub where both have a file),
 * never overwriting a file the workspace already has. Sources may be in the application's jar.
 */
public final class WorkspaceFiles {
    /** Never copied: caches that a run of the stub's tests leaves behind. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("__pycache__", ".pytest_cache", ".mypy_cache",
            ".ruff_cache", ".venv", "venv", ".git");

    private WorkspaceFiles() {
    }

    /**
     * @param stub    the stub's folder, when the lab builds on it
     * @param starter the lab's starter folder, when it has one
     * @throws IOException the workspace cannot be written (the message names the file)
     */
    public static WorkspaceReport prepare(Path workspace, Optional<Path> stub, Optional<Path> starter)
            throws IOException {
        Files.createDirectories(workspace);
        List<String> notes = new ArrayList<>();
        Map<String, Path> sources = new TreeMap<>();
        stub.ifPresent(folder -> collect(folder, sources, notes));
        starter.ifPresent(folder -> collect(folder, sources, notes));
        List<String> copied = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Path> entry : sources.entrySet()) {
            Path target = target(workspace, entry.getKey());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                kept.add(entry.getKey());
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = Files.newInputStream(entry.getValue())) {
                Files.copy(in, target); // no REPLACE_EXISTING: a file that appeared meanwhile is never overwritten
                copied.add(entry.getKey());
            } catch (FileAlreadyExistsException e) {
                kept.add(entry.getKey());
            }
        }
        return new WorkspaceReport(workspace, copied, kept, notes);
    }

    /**
     * What {@link #overlay} did.
     *
     * @param written  files written (forward-slash names relative to the workspace)
     * @param backedUp files of the workspace that were replaced, moved to the backup folder first
     */
    public record Overlay(List<String> written, List<String> backedUp) {
        public Overlay {
            written = List.copyOf(written);
            backedUp = List.copyOf(backedUp);
        }
    }

    /**
     * Copies every file of {@code folder} (a reference solution) into the workspace, replacing what is there; files
     * already identical are left alone. Sources may be in the application's jar or a pack zip.
     *
     * @param backup where a replaced file goes first, at its relative name; empty to replace files in place
     */
    public static Overlay overlay(Path workspace, Path folder, Optional<Path> backup) throws IOException {
        List<String> written = new ArrayList<>();
        List<String> backedUp = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String relative = String.join("/", parts(folder.relativize(file)));
                Path target = workspace.resolve(relative).normalize();
                if (!target.startsWith(workspace)) {
                    continue;
                }
                byte[] content = Files.readAllBytes(file);
                if (Files.exists(target)) {
                    if (Arrays.equals(Files.readAllBytes(target), content)) {
                        continue;
                    }
                    if (backup.isPresent()) {
                        Path kept = backup.get().resolve(relative);
                        Files.createDirectories(kept.getParent());
                        Files.move(target, kept, StandardCopyOption.REPLACE_EXISTING);
                        backedUp.add(relative);
                    }
                }
                Files.createDirectories(target.getParent());
                Files.write(target, content);
                written.add(relative);
            }
        }
        return new Overlay(written, backedUp);
    }

    private static void collect(Path folder, Map<String, Path> sources, List<String> notes) {
        if (!Files.isDirectory(folder)) {
            notes.add("The folder " + folder + " that should be copied is missing, so its files were not copied.");
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(p -> !p.equals(folder)).forEach(file -> {
                List<String> parts = parts(folder.relativize(file));
                if (parts.stream().anyMatch(SKIPPED_FOLDERS::contains) || parts.get(parts.size() - 1).endsWith(".pyc")) {
                    return;
                }
                String name = String.join("/", parts);
                if (Files.isSymbolicLink(file)) {
                    notes.add(name + " is a symbolic link and was not copied.");
                } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    sources.put(name, file);
                }
            });
        } catch (IOException | RuntimeException e) {
            notes.add("Could not read " + folder + " (" + e.getMessage() + "), so some of its files were not copied.");
        }
    }

    private static List<String> parts(Path relative) {
        List<String> parts = new ArrayList<>();
        for (Path part : relative) {
            parts.add(part.toString().replace("/", "").replace("\\", ""));
        }
        return parts;
    }

    private static Path target(Path workspace, String name) {
        Path target = workspace;
        for (String part : name.split("/")) {
            target = target.resolve(part);
        }
        Path normal = target.normalize();
        if (!normal.startsWith(workspace.normalize())) {
            throw new IllegalArgumentException(name + " leaves the workspace");
        }
        return normal;
    }
}
