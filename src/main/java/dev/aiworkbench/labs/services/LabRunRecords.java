package dev.aiworkbench.labs.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The records of running labs, one file each in {@code <data folder>/lab-runs/}: {@code <lab-id>.json} while a
 * process runs the lab, and {@code <lab-id>.stop} when another process asks it to stop. The process that runs
 * the lab looks for stop requests every second, stops the lab, and removes both files.
 */
public final class LabRunRecords {
    private static final Logger LOG = LoggerFactory.getLogger(LabRunRecords.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final String FOLDER = "lab-runs";

    private final Path folder;

    public LabRunRecords(Path folder) {
        this.folder = folder;
    }

    /** The record of a lab that a live process runs; a record whose process is gone is removed and not returned. */
    public Optional<LabRunRecord> find(String labId) {
        Path file = record(labId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LabRunRecord found = JSON.readValue(file.toFile(), LabRunRecord.class);
            if (found.ownerAlive()) {
                return Optional.of(found);
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(stopRequest(labId));
        } catch (IOException e) {
            LOG.warn("Could not read the lab run record {}: {}", file, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Asks the process that runs the lab to stop it, and waits until it did.
     *
     * @return true when the lab is no longer running (stopped now, or no live process ran it); false when its
     * process did not stop it within the wait
     */
    public boolean requestStop(String labId, Duration wait) throws IOException, InterruptedException {
        Optional<LabRunRecord> running = find(labId);
        if (running.isEmpty()) {
            return true;
        }
        Files.createDirectories(folder);
        Files.writeString(stopRequest(labId), String.valueOf(ProcessHandle.current().pid()));
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(record(labId)) || !running.get().ownerAlive()) {
                Files.deleteIfExists(stopRequest(labId));
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    void write(LabRunRecord value) {
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(safe(value.lab()) + ".json.tmp");
            JSON.writeValue(temporary.toFile(), value);
            Files.move(temporary, record(value.lab()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not write the lab run record for {}: {}", value.lab(), e.getMessage());
        }
    }

    /** Removes the record (and any stop request) when this process wrote it. */
    void remove(String labId) {
        Path file = record(labId);
        try {
            if (Files.isRegularFile(file)) {
                LabRunRecord found = JSON.readValue(file.toFile(), LabRunRecord.class);
                if (found.ownedByThisProcess()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(stopRequest(labId));
        } catch (IOException e) {
            LOG.warn("Could not remove the lab run record {}: {}", file, e.getMessage());
        }
    }

    /** Whether another process asked this lab to stop. */
    boolean stopRequested(String labId) {
        return Files.exists(stopRequest(labId));
    }

    private Path record(String labId) {
        return folder.resolve(safe(labId) + ".json");
    }

    private Path stopRequest(String labId) {
        return folder.resolve(safe(labId) + ".stop");
    }

    private static String safe(String labId) {
        if (!labId.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || labId.contains("..")) {
            throw new IllegalArgumentException("'" + labId + "' is not a lab id");
        }
        return labId;
    }
}
