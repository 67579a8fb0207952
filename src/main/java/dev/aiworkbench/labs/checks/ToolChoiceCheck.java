package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.ToolCall;
import dev.aiworkbench.llm.ToolDefinition;
import dev.aiworkbench.llm.ParsedTools;
import dev.aiworkbench.llm.ToolDefinitionsJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A {@code tool-choice} check: the learner's tool definitions, as a command in the workspace prints them, steer the
 * model to the right tool. The definitions are offered to the lab's model with the check's question (one
 * non-streamed chat, the server's default options, so the check sees what the model itself does); the answer must
 * call the expected tool, and that call's arguments must hold the expected values at their JSON paths. The model is
 * not sent the tool's result: the check is about the choice, not the answer.
 */
final class ToolChoiceCheck implements Check<CheckSpec.ToolChoice> {
    private static final String DEFINITIONS = "the definitions the command printed";

    @Override
    public Outcome evaluate(CheckSpec.ToolChoice spec, CheckContext context, Deadline deadline)
            throws InterruptedException {
        WorkspaceCommand.Ran ran;
        try {
            ran = WorkspaceCommand.run(spec.tools(), context, deadline);
        } catch (WorkspaceCommand.NotRun e) {
            return e.outcome();
        }
        if (ran.exitCode() != 0) {
            return Outcome.fail("Expected " + ran.shown() + " to print your tool definitions, but it exited with "
                    + ran.exitCode() + ran.outputNote(), "Fix what the output points to, then run the check again.");
        }
        ParsedTools parsed = ToolDefinitionsJson.read(DEFINITIONS, ran.output());
        if (!parsed.ok() || parsed.definitions().isEmpty()) {
            String found = parsed.ok() ? "it printed no tools" : parsed.problems().getFirst().toString();
            return Outcome.fail("Expected " + ran.shown() + " to print a JSON array of tool definitions, but "
                    + found + ran.outputNote(), "Make it print only the JSON array (registry.schemas() passed"
                    + " through json.dumps), with nothing else on stdout, then run the check again.");
        }
        List<ToolDefinition> tools = parsed.definitions();
        if (tools.stream().noneMatch(tool -> tool.name().equals(spec.expectTool()))) {
            return Outcome.fail("Your tool definitions have no tool named " + spec.expectTool() + " (they define "
                    + names(tools) + ")", "Register the tool under that name, then run the check again.");
        }
        ModelGateway gateway = context.models().get();
        String server = "the model server at " + gateway.baseUri();
        GenerationRequest request = GenerationRequest.chat(spec.model(), spec.system(), spec.prompt(),
                ModelOptions.DEFAULTS, OutputFormat.PLAIN).withTools(tools);
        GenerationResult answer;
        try {
            answer = Within.deadline(deadline, ModelServerException.class, () -> gateway.generate(request));
        } catch (TimeoutException e) {
            return Outcome.error(server + " gave no answer within " + Text.seconds(deadline.timeout())
                    + " (a large model may still be loading)", "Try again once the model is loaded, or give the check"
                    + " more time in lab.yaml.");
        } catch (ModelServerException e) {
            if (e.kind() == ModelServerException.Kind.MODEL_NOT_FOUND) {
                return Outcome.fail(e.getMessage(), "Pull it with `ollama pull " + spec.model() + "` (or the Models"
                        + " screen), then run the check again.");
            }
            return Outcome.error("Asking " + server + " failed: " + e.getMessage(), e.kind()
                    == ModelServerException.Kind.UNREACHABLE ? "Start Ollama (or the lab's services), then run the"
                    + " check again." : "Try the check again in a moment.");
        }
        return judge(spec, answer);
    }

    private static Outcome judge(CheckSpec.ToolChoice spec, GenerationResult answer) {
        String asked = "Asked \"" + Text.snippet(spec.prompt(), 80) + "\", the model ";
        if (!answer.callsTools()) {
            return Outcome.fail(asked + "answered without calling a tool: \"" + Text.snippet(answer.text()) + "\"",
                    "Say in each tool's description what it is for and when to use it, so the model sees that "
                            + spec.expectTool() + " answers this question.");
        }
        Optional<ToolCall> call = answer.toolCalls().stream().filter(c -> c.name().equals(spec.expectTool()))
                .findFirst();
        String made = answer.toolCalls().stream().map(c -> c.name() + " " + c.argumentsJson())
                .collect(Collectors.joining(", "));
        if (call.isEmpty()) {
            return Outcome.fail(asked + "called " + made + " instead of " + spec.expectTool(),
                    "Make the descriptions tell the tools apart: what each one returns and when to pick it.");
        }
        List<String> problems = new ArrayList<>();
        JsonNode arguments;
        try {
            arguments = Text.STRICT.readTree(call.get().argumentsJson());
        } catch (JsonProcessingException e) {
            return Outcome.fail(asked + "called " + spec.expectTool() + " with arguments that are not JSON: "
                    + Text.snippet(call.get().argumentsJson()), "Describe each parameter (its type and an example) in"
                    + " the tool's schema, then run the check again.");
        }
        for (Map.Entry<String, JsonNode> expected : spec.arguments().entrySet()) {
            Optional<JsonNode> found = JsonPaths.read(arguments, expected.getKey());
            if (found.isEmpty()) {
                problems.add(expected.getKey() + " is missing (expected " + Text.json(expected.getValue()) + ")");
            } else if (!JsonValues.matches(expected.getValue(), found.get())) {
                problems.add(expected.getKey() + " is " + Text.json(found.get()) + ", expected "
                        + Text.json(expected.getValue()));
            }
        }
        String calledWith = asked + "called " + spec.expectTool() + " with " + call.get().argumentsJson();
        if (!problems.isEmpty()) {
            return Outcome.fail(calledWith + ", but " + String.join("; ", problems),
                    "Describe each parameter in the tool's schema (what it holds, with an example), so the model"
                            + " fills it from the question.");
        }
        return Outcome.pass(calledWith + ", as expected");
    }

    private static String names(List<ToolDefinition> tools) {
        return tools.isEmpty() ? "none" : tools.stream().map(ToolDefinition::name).collect(Collectors.joining(", "));
    }
}
