package dev.aiworkbench.curriculum;

/**
 * A loaded pack together with the documents it was built from, for checks (such as a linter's) that need to point
 * at where each node was written.
 */
public record PackInspection(PackDocuments documents, LoadResult result) {
}
