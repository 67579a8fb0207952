package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.checks.ServiceEndpoints;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a process that runs a lab writes down, so {@code workbench lab check} and {@code workbench lab stop} in
 * another process find its services: who runs it (process id and start time, so a reused pid is not mistaken
 * for it) and where each service answers. Absent values are null.
 */
public record LabRunRecord(String lab, long pid, String processStart, String startedAt, String workspace,
                           String fastapiUrl, String qdrantUrl, String qdrantGrpc, String qdrantApiKey,
                           String ollamaUrl, String python) {

    static LabRunRecord of(LabRun run) {
        ServiceEndpoints e = run.endpoints();
        ProcessHandle self = ProcessHandle.current();
        return new LabRunRecord(run.labId(), self.pid(), self.info().startInstant().map(Instant::toString).orElse(null),
                Instant.now().toString(), run.workspace().toAbsolutePath().toString(),
                e.fastapi().map(URI::toString).orElse(null), e.qdrant().map(URI::toString).orElse(null),
                e.qdrantGrpc().orElse(null), e.qdrantApiKey().orElse(null), e.ollama().map(URI::toString).orElse(null),
                run.localPython().map(Path::toString).orElse(null));
    }

    /** Where the services answer, for checks. */
    public ServiceEndpoints endpoints() {
        return new ServiceEndpoints(uri(fastapiUrl), uri(qdrantUrl), Optional.ofNullable(qdrantGrpc), uri(ollamaUrl),
                Optional.ofNullable(qdrantApiKey));
    }

    public Optional<Path> pythonPath() {
        return Optional.ofNullable(python).map(Path::of);
    }

    /** Whether the process that wrote this still runs (the same process, not a new one with its pid). */
    public boolean ownerAlive() {
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return false;
        }
        if (processStart == null) {
            return true;
        }
        return owner.get().info().startInstant().map(start -> start.toString().equals(processStart)).orElse(true);
    }

    public boolean ownedByThisProcess() {
        return pid == ProcessHandle.current().pid();
    }

    private static Optional<URI> uri(String text) {
        return text == null ? Optional.empty() : Optional.of(URI.create(text));
    }
}
