package dev.aiworkbench.ui;

import dev.aiworkbench.app.DataFolderException;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first session's workbench, opened from launch on a thread of its own and claimed by the app. */
class EarlyOpeningTest {
    @TempDir
    Path temp;

    @Test
    void theClaimedWorkbenchIsOpenWithItsPackRead() throws Exception {
        Path data = temp.resolve("data");
        EarlyOpening early = EarlyOpening.start(new WorkbenchOptions(Optional.of(data), Optional.empty()),
                Clock.systemDefaultZone());

        try (Workbench workbench = early.claim()) {
            assertThat(workbench.dataFolder().path()).isEqualTo(data);
            assertThat(workbench.pack().pack()).isPresent();
            assertThat(workbench.savedTheme()).isEmpty();
        }
    }

    @Test
    void aFailureToOpenReachesTheClaimAsItself() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("file"), "x");
        EarlyOpening early = EarlyOpening.start(new WorkbenchOptions(Optional.of(notAFolder), Optional.empty()),
                Clock.systemDefaultZone());

        assertThatThrownBy(early::claim).isInstanceOf(DataFolderException.class);
    }
}
