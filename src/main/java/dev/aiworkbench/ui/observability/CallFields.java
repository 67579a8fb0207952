package dev.aiworkbench.ui.observability;

import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.observability.CallOutcome;
import dev.aiworkbench.observability.ModelCall;
import dev.aiworkbench.observability.StoredCall;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A picked call's fields, as the drill-down lists them. */
final class CallFields {
    private CallFields() {
    }

    static List<CallField> of(StoredCall stored, DateTimeFormatter times) {
        ModelCall call = stored.call();
        CallTag tag = call.tag();
        List<CallField> fields = new ArrayList<>();
        fields.add(new CallField("Started", times.format(call.startedAt())));
        fields.add(new CallField("Feature", tag.feature().id()));
        fields.add(new CallField("Model", call.model() + " (" + call.provider() + ", " + call.operation().id() + ")"));
        fields.add(new CallField("Outcome", call.outcome() == CallOutcome.ERROR ? "error: " + call.errorKind()
                : call.outcome().id()));
        if (tag.promptId() != null) {
            fields.add(new CallField("Prompt", tag.promptId() + (tag.promptVersion() == null ? ""
                    : " v" + tag.promptVersion())));
        }
        if (tag.evalRunId() != null) {
            fields.add(new CallField("Eval run", tag.evalRunId() + (tag.evalItemKey() == null ? ""
                    : ", case " + tag.evalItemKey() + (tag.evalRepeat() == null || tag.evalRepeat() == 0 ? ""
                    : " (repeat " + (tag.evalRepeat() + 1) + ")"))));
        }
        fields.add(new CallField("Tokens in / out", DashTexts.number(call.inputTokens()) + " / "
                + DashTexts.number(call.outputTokens())));
        fields.add(new CallField("Time to first token", DashTexts.ms(call.ttftMs())));
        fields.add(new CallField("Total time", DashTexts.ms(call.totalMs())));
        fields.add(new CallField("Speed", DashTexts.perSecond(call.tokensPerSecond())));
        fields.add(new CallField("Cost", stored.costUsd() == null ? "not priced (no price row for this model)"
                : DashTexts.usd(stored.costUsd())));
        return fields;
    }
}
