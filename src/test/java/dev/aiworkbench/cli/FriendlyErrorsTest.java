package dev.aiworkbench.cli;

import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.ModelServerException.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A hosted provider's refused key ends a command as an unreachable server does: exit 3, with the sentence. */
class FriendlyErrorsTest {
    @Test
    void aRejectedKeyExitsThreeAndAFailedServerFour() {
        assertThat(FriendlyErrors.exitCode(new ModelServerException(Kind.KEY_REJECTED, "The key was refused.", null,
                null))).isEqualTo(Cli.SERVER_UNAVAILABLE).isEqualTo(3);
        assertThat(FriendlyErrors.exitCode(new ModelServerException(Kind.SERVER_ERROR, "It failed.", null, null)))
                .isEqualTo(Cli.GENERATION_FAILED);
    }
}
