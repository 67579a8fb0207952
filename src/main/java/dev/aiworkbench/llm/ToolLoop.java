package dev.aiworkbench.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Asks a model, runs the tools it calls, sends the results back, and asks again, until the model answers without
 * calling a tool or the step budget is spent. Every call of a turn runs, in the model's order, and all their results
 * go back together. A tool the model names that does not exist, or one that throws, becomes a tool result saying so:
 * the model can read it and try again, so neither ends the loop.
 */
public final class ToolLoop {
    private final ModelGateway gateway;
    private final Map<String, ToolFunction> tools;
    private final int maxSteps;

    /** How the loop ended. */
    public enum Stop {
        /** The model answered without calling a tool. */
        ANSWERED,
        /** The model was still calling tools when the budget of model calls was spent. */
        BUDGET_SPENT
    }

    /**
     * @param last  the model's last answer (with the calls it still wanted, when the budget ran out)
     * @param turns every turn the loop added after the request's own: the model's turns and the tools' results
     * @param steps the number of model calls made
     */
    public record Outcome(Stop stop, GenerationResult last, List<ChatMessage> turns, int steps, String reason) {
        public Outcome {
            turns = List.copyOf(turns);
        }

        public boolean answered() {
            return stop == Stop.ANSWERED;
        }
    }

    /**
     * @param tools    each tool's name to what runs it
     * @param maxSteps the most model calls to make, at least 1
     */
    public ToolLoop(ModelGateway gateway, Map<String, ToolFunction> tools, int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("A tool loop needs a budget of at least one model call");
        }
        this.gateway = Objects.requireNonNull(gateway);
        this.tools = Map.copyOf(tools);
        this.maxSteps = maxSteps;
    }

    /**
     * Runs the loop from this request (which offers the model the tools it may call).
     *
     * @throws ModelServerException a model call failed; the loop stops there
     */
    public Outcome run(GenerationRequest request) throws ModelServerException {
        List<ChatMessage> added = new ArrayList<>();
        GenerationRequest next = request;
        GenerationResult answer = null;
        for (int step = 1; step <= maxSteps; step++) {
            answer = gateway.generate(next);
            if (!answer.callsTools()) {
                return new Outcome(Stop.ANSWERED, answer, added, step, "The model answered after " + step
                        + (step == 1 ? " call." : " calls."));
            }
            List<ChatMessage> turns = new ArrayList<>();
            turns.add(answer.asAssistantTurn());
            for (ToolCall call : answer.toolCalls()) {
                turns.add(ChatMessage.toolResult(call, run(call)));
            }
            added.addAll(turns);
            next = next.followedBy(turns);
        }
        return new Outcome(Stop.BUDGET_SPENT, answer, added, maxSteps, "The model was still calling tools after "
                + maxSteps + (maxSteps == 1 ? " call" : " calls") + ", the budget of this loop; raise the budget or"
                + " make the tools' descriptions say when the model has enough to answer.");
    }

    /** One call's result; what went wrong, in words the model can act on, when the tool is unknown or fails. */
    private String run(ToolCall call) {
        ToolFunction tool = tools.get(call.name());
        if (tool == null) {
            return "There is no tool named " + call.name() + ". The tools are: "
                    + String.join(", ", new TreeSet<>(tools.keySet())) + ".";
        }
        try {
            String result = tool.run(call.argumentsJson());
            return result == null ? "" : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The tool " + call.name() + " was interrupted before it finished.";
        } catch (Exception e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            return "The tool " + call.name() + " failed: " + why;
        }
    }
}
