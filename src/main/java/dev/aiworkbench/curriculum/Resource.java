package dev.aiworkbench.curriculum;

import java.net.URI;

/** A link to documentation a week relies on. */
public record Resource(String title, URI url) {
}
