package dev.aiworkbench.assessment;

import java.util.Optional;

/** An answer handed in at once (an answers file), before it is checked against its item. */
public record GivenAnswer(String itemId, Response response, Optional<Integer> confidence) {
}
