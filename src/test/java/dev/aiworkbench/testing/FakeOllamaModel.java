package dev.aiworkbench.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A model installed in a {@link FakeOllama}, configured fluently. The defaults describe llama3.2:3b as
 * {@code ollama list} shows it; every setter returns this model for chaining. Safe to change while requests run:
 * each request reads the values once when it starts.
 */
public final class FakeOllamaModel {
    /** What a model answers when nothing was scripted. */
    public static final List<String> DEFAULT_ANSWER = List.of("Hello", "!", " How", " can", " I", " help", "?");

    private final String name;
    private volatile String parentModel = "";
    private volatile String format = "gguf";
    private volatile String family = "llama";
    private volatile List<String> families;
    private volatile String parameterSize = "3.2B";
    private volatile String quantizationLevel = "Q4_K_M";
    private volatile long size = 2_019_393_189L;
    private volatile String digest;
    private volatile OffsetDateTime modifiedAt = OffsetDateTime.parse("2025-05-04T17:37:44.706015396-07:00");
    private volatile String template = "<|start_header_id|>system<|end_header_id|>\n\n{{ .System }}<|eot_id|>"
            + "{{ range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n{{ .Content }}<|eot_id|>{{ end }}"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n";
    private volatile String parameters = "stop                           \"<|start_header_id|>\"\n"
            + "stop                           \"<|end_header_id|>\"\n"
            + "stop                           \"<|eot_id|>\"";
    private volatile String system = "";
    private volatile String license = "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT";
    private volatile List<String> capabilities = List.of("completion", "tools");
    private volatile int contextLength = 131_072;
    private volatile int embeddingLength = 3_072;
    private volatile List<String> answer = DEFAULT_ANSWER;
    private volatile List<String> thinking = List.of();
    private volatile Function<FakeOllamaRequest, List<String>> responder;
    private volatile Function<FakeOllamaRequest, List<FakeToolCall>> toolCaller = request -> List.of();

    FakeOllamaModel(String name) {
        this.name = name;
        this.digest = sha256(name);
    }

    /** The name as registered, {@code name:tag}. */
    public String name() {
        return name;
    }

    public FakeOllamaModel parentModel(String parentModel) {
        this.parentModel = Objects.requireNonNull(parentModel);
        return this;
    }

    /** details.format, "gguf" by default. */
    public FakeOllamaModel format(String format) {
        this.format = Objects.requireNonNull(format);
        return this;
    }

    /** details.family (and families, unless set apart), "llama" by default. */
    public FakeOllamaModel family(String family) {
        this.family = Objects.requireNonNull(family);
        return this;
    }

    public FakeOllamaModel families(String... families) {
        this.families = List.of(families);
        return this;
    }

    /** details.parameter_size, "3.2B" by default. */
    public FakeOllamaModel parameterSize(String parameterSize) {
        this.parameterSize = Objects.requireNonNull(parameterSize);
        return this;
    }

    /** details.quantization_level, "Q4_K_M" by default. */
    public FakeOllamaModel quantization(String quantizationLevel) {
        this.quantizationLevel = Objects.requireNonNull(quantizationLevel);
        return this;
    }

    /** Size on disk in bytes, 2019393189 by default. */
    public FakeOllamaModel size(long size) {
        this.size = size;
        return this;
    }

    /** The manifest digest: 64 hex characters without "sha256:"; by default the SHA-256 of the name. */
    public FakeOllamaModel digest(String digest) {
        this.digest = Objects.requireNonNull(digest);
        return this;
    }

    /** modified_at; written with its offset, as Ollama writes local time. */
    public FakeOllamaModel modifiedAt(OffsetDateTime modifiedAt) {
        this.modifiedAt = Objects.requireNonNull(modifiedAt);
        return this;
    }

    public FakeOllamaModel template(String template) {
        this.template = Objects.requireNonNull(template);
        return this;
    }

    /** The "parameters" text of /api/show (Modelfile PARAMETER lines). */
    public FakeOllamaModel parameters(String parameters) {
        this.parameters = Objects.requireNonNull(parameters);
        return this;
    }

    public FakeOllamaModel system(String system) {
        this.system = Objects.requireNonNull(system);
        return this;
    }

    public FakeOllamaModel license(String license) {
        this.license = Objects.requireNonNull(license);
        return this;
    }

    /**
     * The capabilities /api/show lists and the server enforces: "completion" (chat and generate), "tools",
     * "thinking", "embedding", "vision". Default: completion, tools.
     */
    public FakeOllamaModel capabilities(String... capabilities) {
        this.capabilities = List.of(capabilities);
        return this;
    }

    /** model_info's context length; also the limit for embed with truncate:false. */
    public FakeOllamaModel contextLength(int contextLength) {
        this.contextLength = contextLength;
        return this;
    }

    /** model_info's embedding length: the number of dimensions /api/embed returns. */
    public FakeOllamaModel embeddingLength(int embeddingLength) {
        this.embeddingLength = embeddingLength;
        return this;
    }

    /** The answer, one streamed chunk per element. */
    public FakeOllamaModel answer(List<String> tokens) {
        this.answer = List.copyOf(tokens);
        this.responder = null;
        return this;
    }

    public FakeOllamaModel answer(String... tokens) {
        return answer(List.of(tokens));
    }

    /** An answer computed from each request (chat or generate), one chunk per element. */
    public FakeOllamaModel answerWith(Function<FakeOllamaRequest, List<String>> responder) {
        this.responder = Objects.requireNonNull(responder);
        return this;
    }

    /** Tool calls the model makes on every chat, after its answer's text (which may be empty: {@code answer()}). */
    public FakeOllamaModel toolCalls(FakeToolCall... calls) {
        List<FakeToolCall> copy = List.of(calls);
        return toolCallsWith(request -> copy);
    }

    /**
     * Tool calls computed from each chat request, e.g. a call first and none once the results came back
     * ({@link FakeOllamaRequest#toolTurns()}). Each call is a chunk of its own, whole, as Ollama streams them.
     */
    public FakeOllamaModel toolCallsWith(Function<FakeOllamaRequest, List<FakeToolCall>> caller) {
        this.toolCaller = Objects.requireNonNull(caller);
        return this;
    }

    /**
     * Reasoning chunks sent before the answer when the request asks for thinking ({@code think} true or a level);
     * also adds the "thinking" capability.
     */
    public FakeOllamaModel thinking(List<String> tokens) {
        this.thinking = List.copyOf(tokens);
        if (!capabilities.contains("thinking")) {
            this.capabilities = Stream.concat(capabilities.stream(), Stream.of("thinking")).toList();
        }
        return this;
    }

    String parentModelValue() {
        return parentModel;
    }

    String formatValue() {
        return format;
    }

    String familyValue() {
        return family;
    }

    List<String> familiesValue() {
        List<String> set = families;
        return set != null ? set : List.of(family);
    }

    String parameterSizeValue() {
        return parameterSize;
    }

    String quantizationValue() {
        return quantizationLevel;
    }

    long sizeValue() {
        return size;
    }

    String digestValue() {
        return digest;
    }

    OffsetDateTime modifiedAtValue() {
        return modifiedAt;
    }

    String templateValue() {
        return template;
    }

    String parametersValue() {
        return parameters;
    }

    String systemValue() {
        return system;
    }

    String licenseValue() {
        return license;
    }

    List<String> capabilitiesValue() {
        return capabilities;
    }

    int contextLengthValue() {
        return contextLength;
    }

    int embeddingLengthValue() {
        return embeddingLength;
    }

    List<String> thinkingValue() {
        return thinking;
    }

    List<String> answerFor(FakeOllamaRequest request) {
        Function<FakeOllamaRequest, List<String>> r = responder;
        return r != null ? List.copyOf(r.apply(request)) : answer;
    }

    List<FakeToolCall> toolCallsFor(FakeOllamaRequest request) {
        return List.copyOf(toolCaller.apply(request));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
