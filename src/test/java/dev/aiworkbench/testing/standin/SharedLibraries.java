package dev.aiworkbench.testing.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's shared libraries that programs need, found with {@code ldd} (the dynamic loader included), so an
 * image made FROM scratch can run the host's binaries. Libraries that {@code ldd} cannot find are left out: they
 * are the program's own, found through its run path.
 */
final class SharedLibraries {
    private static final Pattern RESOLVED = Pattern.compile("^\\s*\\S+\\s+=>\\s+(/\\S+)\\s+\\(0x");
    private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x");
    private static final int PER_CALL = 200;

    private SharedLibraries() {
    }

    /** The absolute paths of the libraries these ELF files load (files that are not ELF are passed over). */
    static List<Path> of(Collection<Path> binaries) throws IOException, InterruptedException {
        List<Path> elf = new ArrayList<>();
        for (Path binary : binaries) {
            if (isElf(binary)) {
                elf.add(binary);
            }
        }
        TreeSet<String> libraries = new TreeSet<>();
        for (int from = 0; from < elf.size(); from += PER_CALL) {
            List<String> command = new ArrayList<>(List.of("ldd"));
            elf.subList(from, Math.min(elf.size(), from + PER_CALL)).forEach(p -> command.add(p.toString()));
            // ldd exits 1 when one of several files is not dynamic (a static helper): the others still print
            String output = new Command(command, Duration.ofMinutes(2)).run().output();
            for (String line : output.lines().toList()) {
                Matcher resolved = RESOLVED.matcher(line);
                Matcher loader = LOADER.matcher(line);
                if (resolved.find()) {
                    libraries.add(resolved.group(1));
                } else if (loader.find()) {
                    libraries.add(loader.group(1));
                }
            }
        }
        List<Path> found = new ArrayList<>();
        for (String library : libraries) {
            Path path = Path.of(library);
            if (Files.isRegularFile(path) && binaries.stream().noneMatch(path::equals)) {
                found.add(path);
            }
        }
        return found;
    }

    static boolean isElf(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 4) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        }
    }
}
