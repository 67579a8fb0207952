package dev.aiworkbench.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The open app's side of {@link PackHandoff}: listens on a loopback port, writes the data folder's ticket naming it,
 * and puts each file another start sends (with the ticket's secret) into the app's {@link PackFileInbox}. Closing
 * stops listening and removes the ticket, unless a later app on the same folder has written its own since.
 */
public final class PackHandoffOwner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PackHandoffOwner.class);

    private final ServerSocket server;
    private final HandoffTicket ticket;
    private final Path ticketFile;
    private final PackFileInbox inbox;

    private PackHandoffOwner(ServerSocket server, HandoffTicket ticket, Path ticketFile, PackFileInbox inbox) {
        this.server = server;
        this.ticket = ticket;
        this.ticketFile = ticketFile;
        this.inbox = inbox;
    }

    /**
     * Starts taking the pack files other starts on this data folder hand over. The latest app to open a folder takes
     * them: its ticket replaces any earlier one.
     */
    public static PackHandoffOwner claim(DataFolder folder, PackFileInbox inbox) throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        try {
            HandoffTicket ticket = HandoffTicket.mine(server.getLocalPort());
            ticket.write(folder.runningApp());
            PackHandoffOwner owner = new PackHandoffOwner(server, ticket, folder.runningApp(), inbox);
            Thread.ofPlatform().daemon().name("pack-handoff").start(owner::serve);
            return owner;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket sender = server.accept()) {
                sender.setSoTimeout((int) PackHandoff.ANSWER.toMillis());
                Optional<Path> packFile = read(sender.getInputStream().readNBytes(PackHandoff.MAX_MESSAGE + 1));
                if (packFile.isPresent()) {
                    inbox.deliver(packFile.get());
                    sender.getOutputStream().write((PackHandoff.TAKEN + "\n").getBytes(StandardCharsets.UTF_8));
                    LOG.info("another start handed over the pack file {}", packFile.get());
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("a pack file handoff failed", e);
                }
            }
        }
    }

    /** The file in a message that shows this ticket's secret; anything else is dropped unanswered. */
    private Optional<Path> read(byte[] message) {
        if (message.length > PackHandoff.MAX_MESSAGE) {
            return Optional.empty();
        }
        String[] lines = new String(message, StandardCharsets.UTF_8).split("\n", -1);
        boolean shown = lines.length == 3 && lines[2].isEmpty() && MessageDigest.isEqual(
                lines[0].getBytes(StandardCharsets.UTF_8), ticket.token().getBytes(StandardCharsets.UTF_8));
        if (!shown) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(lines[1]);
            return file.isAbsolute() ? Optional.of(file) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            if (HandoffTicket.read(ticketFile).filter(ticket::equals).isPresent()) {
                Files.deleteIfExists(ticketFile);
            }
        } catch (IOException e) {
            // A ticket left behind names a closed port and a gone process: the next start passes over it.
            LOG.debug("could not remove the pack file ticket {}", ticketFile, e);
        }
    }
}
