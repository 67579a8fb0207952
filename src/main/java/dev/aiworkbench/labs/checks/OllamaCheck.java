package dev.aiworkbench.labs.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.OutputFormat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code ollama} check: the model is on the server ({@code listModels}; a name without a tag means
 * {@code :latest}) and, when the check gives a prompt, the model answers it (one non-streamed generate call, the
 * server's default options and free-text format, so the check sees what the model itself does). The answer must
 * contain the expected text (case-sensitive) and, when asked, be JSON: the whole answer, or the one fenced
 * {@code ```json} block it holds (models often wrap JSON in a Markdown fence).
 */
final class OllamaCheck implements Check<CheckSpec.Ollama> {
    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*\\R(.*?)\\R?```$", Pattern.DOTALL);

    @Override
    public Outcome evaluate(CheckSpec.Ollama spec, CheckContext context, Deadline deadline) throws InterruptedException {
        String model = spec.model();
        ModelGateway gateway = context.models().get();
        String server = "the Ollama server at " + gateway.baseUri();
        try {
            List<LocalModel> models = Within.deadline(deadline, ModelServerException.class, gateway::listModels);
            Optional<LocalModel> found = models.stream().filter(m -> sameModel(m.name(), model)).findFirst();
            if (found.isEmpty()) {
                return Outcome.fail("The model '" + model + "' is not on " + server
                                + (models.isEmpty() ? " (it has no models yet)" : ""),
                        "Pull it with `ollama pull " + model + "` (or the Models screen), then run the check again.");
            }
            if (spec.prompt() == null || spec.prompt().isBlank()) {
                return Outcome.pass("The model '" + found.get().name() + "' is on " + server);
            }
            GenerationRequest request = GenerationRequest.generate(model, null, spec.prompt(), ModelOptions.DEFAULTS,
                    OutputFormat.PLAIN);
            GenerationResult result = Within.deadline(deadline, ModelServerException.class,
                    () -> gateway.generate(request));
            String answer = result.text() == null ? "" : result.text();
            String answered = "the model " + model + " answered \"" + Text.snippet(answer) + "\"";
            if (spec.expectContains() != null && !answer.contains(spec.expectContains())) {
                return Outcome.fail("Expected the answer to contain \"" + Text.snippet(spec.expectContains(), 80)
                                + "\", but " + answered,
                        "Adjust the model (its Modelfile or system prompt) so that it answers as the step describes, "
                                + "then run the check again.");
            }
            if (spec.expectJson()) {
                Optional<String> problem = jsonProblem(answer);
                if (problem.isPresent()) {
                    return Outcome.fail("Expected the answer to be JSON, but " + answered + " (" + problem.get() + ")",
                            "Ask for JSON more firmly (a system prompt, an example, or format: json in the Modelfile "
                                    + "or request), then run the check again.");
                }
            }
            return Outcome.pass(Text.capitalized(answered) + ", as expected"
                    + (result.total() == null ? "" : " (in " + Text.millis(result.total().toMillis()) + ")"));
        } catch (TimeoutException e) {
            return Outcome.error(server + " gave no answer within " + Text.seconds(deadline.timeout())
                    + (spec.prompt() == null ? "" : " (a large model may still be loading)"),
                    "Try again once the model is loaded, or give the check more time in lab.yaml.");
        } catch (ModelServerException e) {
            if (e.kind() == ModelServerException.Kind.MODEL_NOT_FOUND) {
                return Outcome.fail(e.getMessage(), "Pull the model, then run the check again.");
            }
            return Outcome.error("Asking " + server + " failed: " + e.getMessage(), e.kind()
                    == ModelServerException.Kind.UNREACHABLE ? "Start Ollama (or the lab's services), then run the check "
                    + "again." : "Try the check again in a moment.");
        }
    }

    /** The same rule the lab's Ollama service uses to decide a model needs no pull. */
    static boolean sameModel(String installed, String wanted) {
        return LocalModel.canonicalName(installed).equals(LocalModel.canonicalName(wanted));
    }

    /** Why the answer is not JSON, or empty when it is (whole, or inside one fenced block). */
    static Optional<String> jsonProblem(String answer) {
        String text = answer.strip();
        Matcher fenced = FENCE.matcher(text);
        if (fenced.matches()) {
            text = fenced.group(1).strip();
        }
        if (text.isEmpty()) {
            return Optional.of("the answer is empty");
        }
        try {
            Text.STRICT.readTree(text);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("it is not valid JSON: " + Text.snippet(e.getOriginalMessage(), 120));
        }
    }
}
