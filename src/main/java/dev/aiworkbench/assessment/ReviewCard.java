package dev.aiworkbench.assessment;

/**
 * An item in spaced review: its FSRS memory state, how often it was reviewed and how often it was missed.
 */
public record ReviewCard(String itemId, MemoryState memory, int reviews, int lapses) {
}
