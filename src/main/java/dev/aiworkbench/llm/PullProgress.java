package dev.aiworkbench.llm;

import java.util.Optional;
import java.util.OptionalLong;

/** One progress line of a pull: a status, and for a layer its digest with bytes done and total. */
public record PullProgress(String status, Optional<String> digest, OptionalLong completed, OptionalLong total) {
}
