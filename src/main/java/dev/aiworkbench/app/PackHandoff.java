package dev.aiworkbench.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One app per data folder for pack files: a start given a pack file (a double-click on Linux or Windows starts a
 * process with its path) hands it to the app already open on that data folder, which comes to the front and offers
 * the install, instead of opening a second window. The open app ({@link PackHandoffOwner}) listens on a loopback
 * port named with a secret in the data folder's {@link DataFolder#runningApp() ticket}; a ticket whose owner is gone,
 * hung or not the app is passed over within {@link #ANSWER}, so a crash never keeps the app from starting. Plain
 * starts without a file do not look: many processes on one data folder is how the app is used.
 */
public final class PackHandoff {
    static final Duration CONNECT = Duration.ofMillis(500);
    static final Duration ANSWER = Duration.ofSeconds(2);
    /** The owner's answer once it has the file. */
    static final String TAKEN = "taken";
    /** The longest message an owner reads: the token and a path, one line each. */
    static final int MAX_MESSAGE = 16 * 1024;

    private PackHandoff() {
    }

    /** Whether the app open on this data folder took the file; when not, this start opens the app itself. */
    public static boolean handOver(DataFolder folder, Path packFile) {
        Optional<HandoffTicket> ticket = HandoffTicket.read(folder.runningApp());
        if (ticket.isEmpty() || !ticket.get().ownerAlive()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ticket.get().port()),
                    (int) CONNECT.toMillis());
            socket.setSoTimeout((int) ANSWER.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((ticket.get().token() + "\n" + packFile.toAbsolutePath().normalize() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            byte[] answer = socket.getInputStream().readNBytes(TAKEN.length() + 1);
            return new String(answer, StandardCharsets.UTF_8).strip().equals(TAKEN);
        } catch (IOException e) {
            // Gone, hung, or a port some other program took over after a crash: this start opens its own window.
            return false;
        }
    }
}
