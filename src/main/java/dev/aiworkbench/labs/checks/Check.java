package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.CheckSpec;

/** Evaluates one kind of check. Implementations respect the deadline and stop when interrupted. */
interface Check<S extends CheckSpec> {
    Outcome evaluate(S spec, CheckContext context, Deadline deadline) throws InterruptedException;
}
