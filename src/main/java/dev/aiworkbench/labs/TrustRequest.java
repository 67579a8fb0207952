package dev.aiworkbench.labs;

import java.util.List;

/**
 * What a pack's labs will start and run on this machine, listed before the learner trusts that
 * pack version: containers (image names) and commands (argument lists).
 */
public record TrustRequest(String packId, String packVersion, List<String> containers, List<String> commands) {
}
