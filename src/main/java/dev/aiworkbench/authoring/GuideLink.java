package dev.aiworkbench.authoring;

import dev.aiworkbench.diagnostics.SourcePosition;

/** A link or image in a week's guide: where it points as written, and where it was written. */
record GuideLink(String destination, SourcePosition at) {
}
