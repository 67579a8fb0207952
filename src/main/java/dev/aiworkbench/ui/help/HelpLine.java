package dev.aiworkbench.ui.help;

/** One row of the shortcuts card: the keys, and what they do. */
public record HelpLine(String keys, String action) {
}
