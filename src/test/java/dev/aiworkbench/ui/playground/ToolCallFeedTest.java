package dev.aiworkbench.ui.playground;

import dev.aiworkbench.llm.ToolCallDelta;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tool-call pieces gathered between frames reach the screen in one hand-over, fragments of a call joined. */
class ToolCallFeedTest {
    private final List<List<ToolCallDelta>> handedOver = new ArrayList<>();
    private final List<Runnable> frames = new ArrayList<>();
    private int requests;
    private final ToolCallFeed feed = new ToolCallFeed(handedOver::add, work -> {
        frames.add(work);
        return () -> requests++;
    });

    @Test
    void fragmentsBetweenTwoFramesAreHandedOverOnceJoinedPerCall() {
        feed.offer(new ToolCallDelta(0, "call_1", "get_weather", ""));
        for (String fragment : List.of("{\"ci", "ty\": ", "\"Par", "is\"}")) {
            feed.offer(new ToolCallDelta(0, null, null, fragment));
        }
        feed.offer(new ToolCallDelta(1, "call_2", "get_time", "{\"zone\""));
        feed.offer(new ToolCallDelta(1, null, null, ": \"CET\"}"));

        assertThat(handedOver).isEmpty();
        assertThat(requests).isEqualTo(7);
        frames.get(0).run();

        assertThat(handedOver).containsExactly(List.of(
                new ToolCallDelta(0, "call_1", "get_weather", "{\"city\": \"Paris\"}"),
                new ToolCallDelta(1, "call_2", "get_time", "{\"zone\": \"CET\"}")));
        assertThat(feed.updates()).isEqualTo(1);
    }

    @Test
    void aFrameWithNothingNewHandsNothingOverAndLaterPiecesComeInTheNext() {
        feed.offer(new ToolCallDelta(0, "call_1", "search", "{\"q\""));
        frames.get(0).run();
        frames.get(0).run();
        feed.offer(new ToolCallDelta(0, null, null, ": \"x\"}"));
        frames.get(0).run();

        assertThat(handedOver).containsExactly(List.of(new ToolCallDelta(0, "call_1", "search", "{\"q\"")),
                List.of(new ToolCallDelta(0, null, null, ": \"x\"}")));
        assertThat(feed.updates()).isEqualTo(2);
    }
}
