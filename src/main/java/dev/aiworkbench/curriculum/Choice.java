package dev.aiworkbench.curriculum;

/** One choice of a single or multiple choice item, with why it is right or wrong. */
public record Choice(String text, boolean correct, String why) {
}
