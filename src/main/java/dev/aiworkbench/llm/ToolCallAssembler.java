package dev.aiworkbench.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts streamed {@link ToolCallDelta}s back together into whole {@link ToolCall}s: a call's id and name come with its
 * first delta, its arguments are the fragments of its index in the order they came. Thread-safe: a stream's reader
 * adds while a canceller may read what has arrived.
 */
public final class ToolCallAssembler {
    private final Map<Integer, Partial> calls = new TreeMap<>();

    private static final class Partial {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();
    }

    public synchronized void accept(ToolCallDelta delta) {
        Partial call = calls.computeIfAbsent(delta.index(), index -> new Partial());
        if (delta.id() != null && !delta.id().isBlank()) {
            call.id = delta.id();
        }
        if (delta.name() != null && !delta.name().isBlank()) {
            call.name = delta.name();
        }
        call.arguments.append(delta.argumentsFragment());
    }

    public synchronized boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * The calls so far, in index order. A call whose server sent no id is numbered {@code call_<index>}, as Ollama's
     * are; one whose name never came cannot be run, so it is left out.
     */
    public synchronized List<ToolCall> calls() {
        List<ToolCall> whole = new ArrayList<>();
        calls.forEach((index, call) -> {
            if (call.name != null) {
                whole.add(new ToolCall(call.id == null ? numbered(index) : call.id, call.name,
                        call.arguments.toString()));
            }
        });
        return List.copyOf(whole);
    }

    /** The id of a call whose server gives none: its place in the answer. */
    public static String numbered(int index) {
        return "call_" + index;
    }
}
