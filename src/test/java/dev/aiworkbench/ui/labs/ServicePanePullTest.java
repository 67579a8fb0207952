package dev.aiworkbench.ui.labs;

import org.junit.jupiter.api.Tag;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A model pull shows as a bar with its bytes while Ollama starts, and goes once the service has settled. */
@Tag("ui")
class ServicePanePullTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ServiceState state(ServiceStatus status) {
        return new ServiceState(ServiceType.OLLAMA, status, "Pulling qwen2.5:0.5b into your Ollama server…",
                Optional.empty(), "your Ollama server", null, null, Optional.empty(), Instant.EPOCH);
    }

    @Test
    void aPullShowsItsShareAndBytesUntilOllamaRuns() throws Exception {
        ServicePane pane = WaitForAsyncUtils.asyncFx(() -> new ServicePane(ServiceType.OLLAMA, ZoneOffset.UTC)).get();
        ProgressBar bar = (ProgressBar) pane.lookup("#pull-bar-ollama");
        Label text = (Label) pane.lookup("#pull-text-ollama");
        assertThat(pane.lookup("#pull-ollama").isVisible()).isFalse();

        WaitForAsyncUtils.asyncFx(() -> {
            pane.showState(state(ServiceStatus.STARTING));
            pane.showPull(new PullSnapshot("qwen2.5:0.5b", "pulling sha256:8eeb52dfb3bb", OptionalDouble.of(0.42),
                    167_076_000L, 397_800_000L));
        }).get();

        assertThat(pane.lookup("#pull-ollama").isVisible()).isTrue();
        assertThat(bar.getProgress()).isCloseTo(0.42, within(1e-9));
        assertThat(text.getText()).isEqualTo("Pulling qwen2.5:0.5b: 42% · 167.1 MB of 397.8 MB (pulling 8eeb52dfb3bb)");

        WaitForAsyncUtils.asyncFx(() -> {
            pane.showState(state(ServiceStatus.RUNNING));
            pane.showPull(new PullSnapshot("qwen2.5:0.5b", "success", OptionalDouble.of(1), 397_800_000L,
                    397_800_000L));
        }).get();
        assertThat(pane.lookup("#pull-ollama").isVisible()).as("a late progress line after Ollama runs").isFalse();
    }
}
