package dev.aiworkbench.eval.assertions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** What a judge verdict depends on: the judge model, the rubric (variables filled in) and the output. */
public record VerdictKey(String judgeModel, String rubric, String output) {

    public VerdictKey {
        Objects.requireNonNull(judgeModel, "judgeModel");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(output, "output");
    }

    /** A SHA-256 of the three parts (each length-prefixed, so no two keys collide by concatenation), in hex. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {judgeModel, rubric, output}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
