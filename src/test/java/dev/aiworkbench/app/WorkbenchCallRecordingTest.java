package dev.aiworkbench.app;

import dev.aiworkbench.eval.run.EvalHarness;
import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.observability.CallFilter;
import dev.aiworkbench.observability.CallOutcome;
import dev.aiworkbench.observability.StoredCall;
import dev.aiworkbench.observability.TimeRange;
import dev.aiworkbench.prompts.PlaygroundResult;
import dev.aiworkbench.prompts.PromptContent;
import dev.aiworkbench.prompts.PromptVersion;
import dev.aiworkbench.prompts.RunSetup;
import dev.aiworkbench.testing.TestAssessments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The composition root hands each feature a recording gateway, and the features say what each call was for. */
class WorkbenchCallRecordingTest {
    @TempDir
    Path temp;

    private EvalHarness h;

    @BeforeEach
    void start() {
        h = new EvalHarness(temp);
        h.fake.model("judge").answer("{\"reason\": \"It says pass.\", \"score\": 1, \"pass\": true}");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private List<StoredCall> recorded(Workbench workbench) {
        workbench.observability().recorder().flush();
        return workbench.observability().stats().calls(new TimeRange(Instant.EPOCH, Instant.now().plusSeconds(60)),
                CallFilter.ALL, 100).reversed();
    }

    @Test
    void an_eval_runs_calls_carry_its_id_each_case_and_the_judges_calls_are_the_judges() throws Exception {
        h.writeItems(2);
        h.write(EvalHarness.SUITE, """
                description: Recorded
                prompts: "Answer for item {{n}}"
                providers:
                  - id: ollama:chat:tiny
                defaultTest:
                  options:
                    provider: ollama:chat:judge
                  assert:
                    - type: llm-rubric
                      value: says pass
                tests: file://items.csv
                """);

        EvalRun run = h.run(h.load(), EvalHarness.options(1, 1));
        h.workbench().observability().recorder().flush();

        List<StoredCall> calls = h.workbench().observability().stats().callsOfEvalRun(run.id());
        assertThat(calls).extracting(c -> c.call().tag().feature(), c -> c.call().model(), c -> c.call().outcome())
                .containsExactlyInAnyOrder(tuple(CallFeature.EVAL, "tiny", CallOutcome.OK),
                        tuple(CallFeature.EVAL, "tiny", CallOutcome.OK), tuple(CallFeature.JUDGE, "judge", CallOutcome.OK),
                        tuple(CallFeature.JUDGE, "judge", CallOutcome.OK));
        assertThat(calls).extracting(c -> c.call().tag().evalItemKey()).doesNotContainNull().hasSize(4);
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.call().tag().evalRunId()).isEqualTo(run.id());
            assertThat(c.call().tag().promptId()).isNull();
            assertThat(c.call().inputTokens()).isNotNull();
        });
    }

    @Test
    void a_playground_run_of_a_saved_prompt_is_the_playgrounds_with_the_prompts_version() throws Exception {
        Workbench workbench = h.workbench();
        workbench.prompts().save("ask", PromptContent.of("Answer for item {{n}}"), "tester", null);
        workbench.prompts().save("ask", PromptContent.of("Answer again for item {{n}}"), "tester", null);
        PromptVersion second = workbench.prompts().get("ask@2");

        PlaygroundResult result = workbench.playground().start(RunSetup.of(second, "tiny", Map.of("n", "3")), null,
                delta -> { }).result().get(10, TimeUnit.SECONDS);

        assertThat(result.failure()).isEmpty();
        assertThat(recorded(workbench)).singleElement().satisfies(c -> {
            CallTag tag = c.call().tag();
            assertThat(new CallTag(tag.feature(), tag.promptId(), tag.promptVersion(), tag.evalRunId(),
                    tag.evalItemKey(), tag.evalRepeat())).isEqualTo(new CallTag(CallFeature.PLAYGROUND, "ask", 2, null,
                    null, null));
            // The call names exactly the run the playground kept for it.
            assertThat(tag.playgroundRunKey()).isNotNull();
            assertThat(workbench.runs().idOfKey(tag.playgroundRunKey())).contains(result.run().id());
            assertThat(c.call().ttftMs()).isNotNull();
            // The local row of the price table is free, and the fake counted both sides.
            assertThat(c.costUsd()).isEqualTo(0.0);
        });
    }

    @Test
    void the_assessment_judge_is_recorded_as_the_assessments() throws Exception {
        Workbench workbench = h.workbench();

        workbench.shortAnswerJudge().grade("judge", TestAssessments.shortItem("t1", "week-1"), "pass");

        assertThat(recorded(workbench)).singleElement().satisfies(c -> {
            assertThat(c.call().tag()).isEqualTo(CallTag.of(CallFeature.ASSESSMENT));
            assertThat(c.call().model()).isEqualTo("judge");
        });
    }
}
