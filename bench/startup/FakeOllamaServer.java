package dev.aiworkbench.bench.startup;

import dev.aiworkbench.testing.FakeOllama;

import java.util.List;

/**
 * The test fake Ollama as a process of its own, for runs that compare two tools against the same server: it
 * answers every chat at once (no delays, TCP_NODELAY on every connection) with a short JSON verdict, prints
 * {@code port=<n>} when it listens and runs until killed. Its request log is cleared between runs so a long
 * session does not grow it.
 *
 * <pre>FakeOllamaServer MODEL</pre>
 */
public final class FakeOllamaServer {
    static final List<String> ANSWER = List.of("{\"", "severity", "\":", " \"", "P", "2", "\",", " \"", "reason",
            "\":", " \"", "Checkout", " errors", " affect", " some", " users", " right", " now", ".\"}");

    private FakeOllamaServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: FakeOllamaServer MODEL");
            System.exit(2);
        }
        FakeOllama fake = FakeOllama.start();
        fake.model(args[0]).answer(ANSWER);
        System.out.println("port=" + fake.port());
        System.out.flush();
        while (true) {
            Thread.sleep(2_000);
            fake.clearRequests();
        }
    }
}
