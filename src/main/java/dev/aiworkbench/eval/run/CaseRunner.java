package dev.aiworkbench.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbench.eval.assertions.CaseOutput;
import dev.aiworkbench.eval.assertions.CaseVerdict;
import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.GradingContext;
import dev.aiworkbench.eval.assertions.VerdictCache;
import dev.aiworkbench.eval.scripts.ScriptFailure;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.eval.suite.PromptSource;
import dev.aiworkbench.eval.suite.ProviderSpec;
import dev.aiworkbench.eval.suite.TestCase;
import dev.aiworkbench.llm.CallFeature;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.ChatMessage;
import dev.aiworkbench.llm.GenerationCall;
import dev.aiworkbench.llm.GenerationFailedException;
import dev.aiworkbench.llm.GenerationRequest;
import dev.aiworkbench.llm.GenerationResult;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelOptions;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.OutputFormat;
import dev.aiworkbench.llm.Usage;
import dev.aiworkbench.prompts.PromptTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one case: renders the prompt with the item's vars, asks the model (retrying connection
 * errors, 429 and 5xx with back-off), and grades the answer. A model that fails mid-answer, or a
 * judge that fails, makes the case an error; a server that stays out of reach stops the run.
 */
final class CaseRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);

    private final EvalModels models;
    /** What the run's calls are for: its id, and the saved prompt version when there is one. */
    private final CallTag tag;
    private final Grader grader;
    private final VerdictCache verdicts;
    private final Function<Usage, OptionalDouble> cost;
    private final Clock clock;
    private final PromptSource prompt;
    private final ProviderSpec provider;
    private final EvalOptions options;
    /** The prompt parsed once for the whole run: every case renders the same template. */
    private final PromptTemplate template;
    /** What every case's request shares: the options (a saved prompt's, overridden by the provider's), format, system. */
    private final ModelOptions sampling;
    private final OutputFormat format;
    private final String system;
    private final Set<GenerationCall> inFlight = ConcurrentHashMap.newKeySet();
    /** The run's JavaScript sandbox and Python worker; closed when the run ends or is cancelled. */
    private final ScriptRuntime scripts;
    private final OutputTransform transforms;
    private final VarsTransform varsTransform;
    private volatile boolean cancelled;

    CaseRunner(EvalModels models, CallTag tag, Grader grader, VerdictCache verdicts, Function<Usage, OptionalDouble> cost,
               Clock clock, PromptSource prompt, ProviderSpec provider, EvalOptions options, ScriptRuntime scripts) {
        this.models = models;
        this.tag = tag;
        this.grader = grader;
        this.verdicts = verdicts;
        this.cost = cost;
        this.clock = clock;
        this.prompt = prompt;
        this.provider = provider;
        this.options = options;
        this.template = PromptTemplate.parse(prompt.template());
        this.sampling = sentOptions(prompt, provider);
        this.format = prompt.registered().map(v -> v.content().format()).orElse(OutputFormat.PLAIN);
        this.system = prompt.system().isBlank() ? null : prompt.system();
        this.scripts = scripts;
        this.transforms = new OutputTransform(scripts, prompt);
        this.varsTransform = new VarsTransform(scripts);
    }

    /** Out of reach even after retries: the run cannot go on. */
    static final class Unreachable extends RuntimeException {
        private final transient ModelServerException cause;

        Unreachable(ModelServerException cause) {
            super(cause.getMessage(), cause);
            this.cause = cause;
        }

        ModelServerException server() {
            return cause;
        }
    }

    /** The run was cancelled while this case ran: nothing is kept, so a resume runs it again. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    CaseResult run(TestCase written, int repeatIndex) {
        TestCase test;
        try {
            test = varsTransform.apply(written);
        } catch (ScriptFailure e) {
            return errored(written, repeatIndex, "", "", e.getMessage(), null, null, 0);
        }
        String rendered;
        try {
            rendered = render(test);
        } catch (IllegalArgumentException e) {
            return errored(test, repeatIndex, "", "", e.getMessage(), null, null, 0);
        }
        GenerationRequest request = request(rendered);
        int attempts = 0;
        while (true) {
            if (cancelled) {
                throw new Cancelled();
            }
            attempts++;
            long started = System.nanoTime();
            try {
                GenerationResult answer = ask(request, test, repeatIndex);
                long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                return graded(test, repeatIndex, rendered, answer, latency, attempts);
            } catch (GenerationFailedException e) {
                // No words from the server: the connection closed mid-answer, a connection error like any other.
                boolean dropped = e.serverText() == null;
                if (dropped && attempts <= options.retries() && !cancelled) {
                    pause(FIRST_BACKOFF.multipliedBy(1L << (attempts - 1)));
                    continue;
                }
                return errored(test, repeatIndex, rendered, e.partialText(), e.getMessage(), null, null, attempts);
            } catch (ModelServerException e) {
                boolean retry = e.transientFailure() && attempts <= options.retries() && !cancelled;
                if (retry) {
                    pause(FIRST_BACKOFF.multipliedBy(1L << (attempts - 1)));
                    continue;
                }
                if (e.kind() == ModelServerException.Kind.UNREACHABLE) {
                    throw new Unreachable(e);
                }
                return errored(test, repeatIndex, rendered, "", e.getMessage(), null, null, attempts);
            }
        }
    }

    private GenerationResult ask(GenerationRequest request, TestCase test, int repeatIndex) throws ModelServerException {
        CallTag caseTag = tag.withEvalCase(test.key(), repeatIndex);
        GenerationCall call = models.gateway(provider).tagged(caseTag).stream(request, delta -> { });
        inFlight.add(call);
        // A cancel between the check in run() and the add above did not see this call: it is stopped here.
        if (cancelled) {
            call.cancel();
        }
        try {
            GenerationResult result = call.await(options.requestTimeout());
            if (result.cancelled()) {
                throw new Cancelled();
            }
            return result;
        } catch (TimeoutException e) {
            call.cancel();
            Duration limit = options.requestTimeout();
            throw new ModelServerException(ModelServerException.Kind.TIMEOUT, "No answer within "
                    + (limit.toSeconds() >= 1 ? limit.toSeconds() + " s" : limit.toMillis() + " ms")
                    + "; raise the timeout or make the prompt shorter.", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel();
            throw new Cancelled();
        } finally {
            inFlight.remove(call);
        }
    }

    private CaseResult graded(TestCase test, int repeatIndex, String rendered, GenerationResult answer, long latency,
                              int attempts) {
        // The judge's calls belong to the run and the case, but not to the prompt under test.
        CallTag judged = new CallTag(CallFeature.JUDGE, null, null, tag.evalRunId(), test.key(), repeatIndex);
        GradingContext context = new GradingContext(judgeGateway(test).tagged(judged), test.judge().hasText() ? test.judge().text().model()
                : null, test.judge().hasEmbedding() ? test.judge().embedding().model() : null, verdicts, scripts);
        OutputTransform.Transformed transformed;
        try {
            transformed = transforms.apply(test, answer.text());
        } catch (ScriptFailure e) {
            checkNotCancelled();
            return errored(test, repeatIndex, rendered, answer.text(), e.getMessage(), latency,
                    count(answer.usage().promptTokens()), attempts);
        }
        CaseOutput output = new CaseOutput(transformed.text(), rendered, test.vars(), OptionalLong.of(latency),
                cost.apply(answer.usage()), new CaseOutput.Details(transformed.value(), provider.id(),
                OutputTransform.testForScripts(test), test.transform() == null ? null : answer.text()));
        CaseVerdict verdict = grader.gradeCase(test.assertions(), test.threshold(), output, context);
        // A cancel kills the Python worker, which fails the check it was running: such a case is not kept.
        checkNotCancelled();
        return new CaseResult(test.key(), repeatIndex, test.description(), test.cluster(), test.vars(), rendered,
                transformed.text(), verdict.pass() && !verdict.error(), verdict.score(),
                verdict.error() ? verdict.errorMessage() : null, verdict.assertions(), latency,
                count(answer.usage().promptTokens()), count(answer.usage().outputTokens()), attempts, clock.instant());
    }

    /** The judge's gateway: rubrics go to the text judge's provider, embeddings to the embedding model's. */
    private ModelGateway judgeGateway(TestCase test) {
        ModelGateway text = models.gateway(test.judge().hasText() ? test.judge().text() : provider);
        ModelGateway embedding = test.judge().hasEmbedding() ? models.gateway(test.judge().embedding()) : text;
        return text == embedding ? text : new JudgeGateway(text, embedding);
    }

    private CaseResult errored(TestCase test, int repeatIndex, String rendered, String partial, String why,
                               Long latency, Integer tokens, int attempts) {
        return new CaseResult(test.key(), repeatIndex, test.description(), test.cluster(), test.vars(), rendered,
                partial == null ? "" : partial, false, 0, why, List.of(), latency, tokens, null, attempts, clock.instant());
    }

    private static Integer count(java.util.OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    /** Fills the prompt's slots from the item's vars; vars the prompt does not use are fine, as in promptfoo. */
    String render(TestCase test) {
        Map<String, String> used = new LinkedHashMap<>();
        for (String name : template.variables()) {
            String value = test.vars().get(name);
            if (value == null) {
                throw new IllegalArgumentException("the prompt uses {{" + name + "}} but the test at " + test.origin()
                        + " gives no value for it");
            }
            used.put(name, value);
        }
        return template.render(used);
    }

    private GenerationRequest request(String rendered) {
        if (provider.kind() == ProviderSpec.Kind.COMPLETION) {
            return GenerationRequest.generate(provider.model(), system, rendered, sampling, format);
        }
        List<ChatMessage> messages = chatMessages(rendered);
        return new GenerationRequest(GenerationRequest.Mode.CHAT, provider.model(), system, messages, null, sampling, format);
    }

    /** A prompt that renders to a JSON list of {role, content} is a conversation, as in promptfoo. */
    private static List<ChatMessage> chatMessages(String rendered) {
        String text = rendered.strip();
        if (text.startsWith("[")) {
            try {
                JsonNode list = JSON.readTree(text);
                List<ChatMessage> messages = new ArrayList<>();
                for (JsonNode message : list) {
                    String role = message.path("role").asText("");
                    ChatMessage.Role parsed = switch (role) {
                        case "system" -> ChatMessage.Role.SYSTEM;
                        case "assistant" -> ChatMessage.Role.ASSISTANT;
                        case "user" -> ChatMessage.Role.USER;
                        default -> null;
                    };
                    if (parsed == null || !message.path("content").isTextual()) {
                        return List.of(ChatMessage.user(rendered));
                    }
                    messages.add(new ChatMessage(parsed, message.get("content").asText()));
                }
                return messages;
            } catch (java.io.IOException e) {
                return List.of(ChatMessage.user(rendered));
            }
        }
        return List.of(ChatMessage.user(rendered));
    }

    /** The options every request of the run sends: a saved prompt's, overridden by the provider's config. */
    static ModelOptions sentOptions(PromptSource prompt, ProviderSpec provider) {
        return prompt.registered().map(v -> v.content().options()).orElse(ModelOptions.DEFAULTS)
                .overriddenBy(provider.options());
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkNotCancelled() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    void cancel() {
        cancelled = true;
        inFlight.forEach(GenerationCall::cancel);
        scripts.close();
    }

    /** The run is over: its Python worker, if it started one, is stopped. */
    void close() {
        scripts.close();
    }
}
