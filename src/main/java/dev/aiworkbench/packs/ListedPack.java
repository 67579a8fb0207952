package dev.aiworkbench.packs;

/**
 * A pack the learner can choose: the built-in one or an installed id at the version used for it.
 *
 * @param signature what was known of its signature when it was installed ({@link PackSignature#label()}), or
 *                  "built-in" for the pack inside the app
 * @param active    whether the app walks it from its next start
 */
public record ListedPack(String id, String title, String version, String signature, boolean active, boolean builtIn) {
    public static final String BUILT_IN = "built-in";
}
