package dev.aiworkbench.packs;

import java.util.List;

/**
 * A pack the learner can choose: the built-in one or an installed id at the version used for it.
 *
 * @param version   the version used for the id
 * @param versions  every version installed for the id, oldest first (only {@code version} for the built-in pack)
 * @param source    where it was installed from, or "built-in"
 * @param signature what was known of its signature when it was installed ({@link PackSignature#label()}), or
 *                  "built-in" for the pack inside the app
 * @param active    whether the app walks it from its next start
 */
public record ListedPack(String id, String title, String version, List<String> versions, String source,
                         String signature, boolean active, boolean builtIn) {
    public static final String BUILT_IN = "built-in";
}
