package dev.aiworkbench.ui.labs;

/** A message the lab page shows above its services: how it reads (its tone), a title and a sentence or two. */
public record Notice(Tone tone, String title, String text) {
    public enum Tone {
        SUCCESS, WARNING, DANGER
    }
}
