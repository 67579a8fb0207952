package dev.aiworkbench.providers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The real keychain adapter against a real Secret Service: a GNOME Keyring daemon started, unlocked, inside its own
 * D-Bus session ({@code dbus-run-session}), with a home and runtime folder of the test's own so no keyring of the
 * machine is touched. Keys are stored, read back through a keychain opened afresh, and deleted with their provider;
 * the key never reaches the SQLite files. Skipped, with the reason printed, where the tools are missing or the daemon
 * does not answer (Debian: {@code apt-get install gnome-keyring dbus}).
 */
class OsKeychainSecretServiceTest {
    private static final String PLANTED = "sk-test-secret-service-7c1b-planted";

    @TempDir
    Path temp;

    @Test
    void aKeyIsStoredReadAndDeletedInGnomeKeyringAndNeverReachesSqlite() throws Exception {
        skipUnlessPossible();
        Path home = Files.createDirectories(temp.resolve("home"));
        Path runtime = Files.createDirectories(temp.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path data = Files.createDirectories(temp.resolve("data"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The daemon reads the keyring's password on stdin, creates the login keyring with it and stays unlocked; the
        // probe's JVM then finds the Secret Service on the session bus dbus-run-session set up for both.
        ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "sh", "-c",
                "printf %s workbench-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                        + " && exec \"$0\" -cp \"$PROBE_CLASSPATH\" " + SecretServiceProbe.class.getName() + " \"$1\" \"$2\"",
                java, data.toString(), PLANTED);
        builder.environment().put("PROBE_CLASSPATH", classPath);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        builder.environment().put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        builder.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        // To a file, not a pipe: the daemon keeps its inherited stderr open after the session ends.
        Path log = temp.resolve("probe.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process probe = builder.start();
        if (!probe.waitFor(90, TimeUnit.SECONDS)) {
            // The bus daemon and the probe; the keyring daemon leaves once its bus is gone.
            probe.descendants().forEach(ProcessHandle::destroyForcibly);
            probe.destroyForcibly();
            abort(skipped("the D-Bus session with GNOME Keyring did not finish within 90 s: "
                    + Files.readString(log, StandardCharsets.UTF_8).strip()));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Map<String, String> facts = facts(output);
        if (!"true".equals(facts.get("available"))) {
            abort(skipped("no Secret Service answered in the D-Bus session (exit " + probe.exitValue() + "): "
                    + facts.getOrDefault("explanation", output.strip())));
        }

        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(facts.get("explanation")).isEqualTo("Keys are kept in the Secret Service (GNOME Keyring).");
        assertThat(facts.get("reference")).matches("keychain:hosted-[0-9a-f]{6}");
        assertThat(facts.get("read-afresh")).as(output).isEqualTo("true");
        assertThat(facts.get("resolved-from")).isEqualTo("the keychain");
        assertThat(facts.get("resolved-matches")).isEqualTo("true");
        assertThat(facts.get("key-in-sqlite")).isEqualTo("false");
        assertThat(facts.get("key-in-sqlite-after-close")).isEqualTo("false");
        assertThat(facts.get("deleted")).as(output).isEqualTo("true");
        assertThat(output).doesNotContain(PLANTED);
        assertThat(keyringFiles(home)).as("the daemon kept its keyring under the test's own home").isNotEmpty();
    }

    private static void skipUnlessPossible() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            abort(skipped("the Secret Service is the Linux keychain; this is " + System.getProperty("os.name")));
        }
        for (String tool : List.of("dbus-run-session", "gnome-keyring-daemon")) {
            if (!onPath(tool)) {
                abort(skipped(tool + " is not installed (Debian: apt-get install gnome-keyring dbus)"));
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The reason, printed so a skipped run says why in the build's output, not only in its report. */
    private static String skipped(String reason) {
        String sentence = "Skipping the GNOME Keyring test: " + reason + ".";
        System.out.println(sentence);
        return sentence;
    }

    private static Map<String, String> facts(String output) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("probe ") && line.contains(": ")) {
                int colon = line.indexOf(": ");
                facts.put(line.substring("probe ".length(), colon), line.substring(colon + 2));
            }
        }
        return facts;
    }

    private static List<Path> keyringFiles(Path home) throws IOException {
        Path keyrings = home.resolve(".local/share/keyrings");
        if (!Files.isDirectory(keyrings)) {
            return List.of();
        }
        try (var files = Files.list(keyrings)) {
            return files.toList();
        }
    }
}
