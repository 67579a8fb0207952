package dev.aiworkbench.cli;

import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit codes the issues name for a model server's failures. */
class FriendlyErrorsTest {
    private static int exit(Kind kind) {
        return FriendlyErrors.exitCode(new ModelServerException(kind, "a sentence", null, null));
    }

    @Test
    void aRejectedKeyExitsLikeAnUnreachableServer() {
        assertThat(exit(Kind.KEY_REJECTED)).isEqualTo(3).isEqualTo(exit(Kind.UNREACHABLE));
        assertThat(exit(Kind.MODEL_NOT_FOUND)).isEqualTo(3);
        assertThat(exit(Kind.BAD_REQUEST)).isEqualTo(2);
        assertThat(FriendlyErrors.exitCode(new GenerationFailedException("cut", null, "part", null))).isEqualTo(4);
    }
}
