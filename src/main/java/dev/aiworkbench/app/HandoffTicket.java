package dev.aiworkbench.app;

import dev.aiworkbench.store.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the app that takes pack files for a data folder listens: a loopback port, the secret a sender must show (so
 * that no other local program's port is mistaken for it, and no other user can send it files), and the owner's
 * process id, so that a ticket left by a crash is known for stale without waiting on the port.
 */
record HandoffTicket(int port, String token, long pid) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new ticket for this process listening on this port. */
    static HandoffTicket mine(int port) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        return new HandoffTicket(port, HexFormat.of().formatHex(secret), ProcessHandle.current().pid());
    }

    /** The ticket in this file, or empty when there is none or it cannot be read: then no app takes files. */
    static Optional<HandoffTicket> read(Path file) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            return Optional.of(new HandoffTicket(Integer.parseInt(values.getProperty("port", "")),
                    values.getProperty("token", ""), Long.parseLong(values.getProperty("pid", ""))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the process that wrote the ticket still runs; a ticket from a crashed app is ignored. */
    boolean ownerAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Replaces the file at once (a reader sees the old ticket or the new, never half of one), readable by its owner only. */
    void write(Path file) throws IOException {
        // Written by hand: Properties.store's date comment loads the time-zone names, start-up time for nothing.
        String text = "# The app open on this data folder takes pack files here; see PackHandoff.\n"
                + "port=" + port + "\ntoken=" + token + "\npid=" + pid + "\n";
        AtomicFiles.writeOwnerOnly(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
