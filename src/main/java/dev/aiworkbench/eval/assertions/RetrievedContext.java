package dev.aiworkbench.eval.assertions;

import java.util.List;

/**
 * The context a RAG answer was given: one text, or a list of chunks (promptfoo accepts both).
 *
 * @param chunks  the text as one element, or the chunks in order
 * @param chunked whether it was given as a list of chunks
 */
record RetrievedContext(List<String> chunks, boolean chunked) {

    RetrievedContext {
        chunks = List.copyOf(chunks);
    }

    static RetrievedContext of(String text) {
        return new RetrievedContext(List.of(text), false);
    }

    static RetrievedContext chunks(List<String> chunks) {
        return new RetrievedContext(chunks, true);
    }

    /** The text a judge reads: the chunks apart by a blank line, as promptfoo joins them. */
    String text() {
        return String.join("\n\n", chunks);
    }

    boolean isEmpty() {
        return chunks.stream().allMatch(String::isBlank);
    }

    /** The units context relevance counts: the non-empty chunks, else the text's lines or sentences. */
    List<String> units() {
        return chunked ? chunks.stream().filter(c -> !c.isBlank()).map(String::strip).toList()
                : Sentences.units(chunks.get(0));
    }

    /** Whether the context came in pieces already (chunks, or two or more lines) rather than as prose. */
    boolean segmented() {
        return chunked || Sentences.lines(chunks.get(0)).size() > 1;
    }
}
