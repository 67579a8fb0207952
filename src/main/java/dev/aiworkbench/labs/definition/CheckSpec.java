package dev.aiworkbench.labs.definition;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One automatic check of a lab step. Every check has a timeout (60 s unless set) and a hint for a failure. */
public sealed interface CheckSpec {
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    String id();

    String title();

    Duration timeout();

    /** What to do when the check fails; null when the lab gives none (the check's own message says it). */
    String hint();

    /** Which service the check needs running, or null when it needs none. */
    ServiceType needs();

    /**
     * The argument list the check runs in the learner's workspace, or an empty list when it runs none. A check that
     * runs one needs the learner's trust in the pack first, and may need Python.
     */
    default List<String> commandRun() {
        return List.of();
    }

    /**
     * An HTTP request to a running service.
     *
     * @param url          may use {@code {{fastapi.url}}}, {@code {{qdrant.url}}}, {@code {{ollama.url}}}
     * @param body         a JSON body, or null
     * @param status       expected status, or null for any 2xx
     * @param jsonPaths    JSON path → the value expected there
     * @param schema       a JSON Schema the body must match, or null
     * @param contains     text the body must contain, or null
     * @param maxLatencyMs the slowest acceptable answer, or null
     */
    record Http(String id, String title, Duration timeout, String hint, String method, String url,
                Map<String, String> headers, JsonNode body, Integer status, Map<String, JsonNode> jsonPaths,
                JsonNode schema, String contains, Long maxLatencyMs) implements CheckSpec {
        /** The service of the URL's placeholder ({@code {{qdrant.url}}}, also written {@code {{ qdrant.url }}}). */
        @Override
        public ServiceType needs() {
            String compact = url.replaceAll("\\{\\{\\s+", "{{");
            return compact.contains("{{qdrant.") ? ServiceType.QDRANT
                    : compact.contains("{{ollama.") ? ServiceType.OLLAMA
                    : compact.contains("{{fastapi.") ? ServiceType.FASTAPI : null;
        }
    }

    /**
     * The state of a Qdrant collection.
     *
     * @param queryText   embedded with the lab's embedding model and searched; null for no query
     * @param queryVector searched as given; null for no query
     * @param topHit      payload fields (dotted paths) the best hit must carry
     */
    record Qdrant(String id, String title, Duration timeout, String hint, String collection, Integer vectorSize,
                  String distance, Integer minPoints, String queryText, List<Double> queryVector,
                  Map<String, JsonNode> topHit) implements CheckSpec {
        @Override
        public ServiceType needs() {
            return ServiceType.QDRANT;
        }
    }

    /** A model is on the server and, when a prompt is given, answers it as expected. */
    record Ollama(String id, String title, Duration timeout, String hint, String model, String prompt,
                  String expectContains, boolean expectJson) implements CheckSpec {
        @Override
        public ServiceType needs() {
            return ServiceType.OLLAMA;
        }
    }

    /** A file in the workspace exists and, when a pattern is given, matches it. */
    record File(String id, String title, Duration timeout, String hint, String path, String containsPattern,
                JsonNode schema) implements CheckSpec {
        /** Without a schema: the file exists and, with a pattern, matches it. */
        public File(String id, String title, Duration timeout, String hint, String path, String containsPattern) {
            this(id, title, timeout, hint, path, containsPattern, null);
        }

        @Override
        public ServiceType needs() {
            return null;
        }
    }

    /**
     * An argument list run in the workspace, with no shell.
     *
     * @param run           the arguments; {@code {{python}}} stands for the Python that has FastAPI
     * @param exitCode      expected exit code, 0 unless set
     * @param outputPattern a regular expression stdout and stderr must match, or null
     */
    record Command(String id, String title, Duration timeout, String hint, List<String> run, int exitCode,
                   String outputPattern) implements CheckSpec {
        @Override
        public ServiceType needs() {
            return null;
        }

        @Override
        public List<String> commandRun() {
            return run;
        }
    }

    /**
     * The learner's tool definitions steer the model to the right tool: the definitions a command prints are offered
     * to the model with a question, and the model must call the expected tool with arguments that hold the expected
     * values.
     *
     * @param tools     the argument list that prints the definitions (a JSON array), run as a command check's is
     * @param system    a system prompt, or null
     * @param arguments JSON path into the call's arguments → the value expected there
     */
    record ToolChoice(String id, String title, Duration timeout, String hint, List<String> tools, String model,
                      String system, String prompt, String expectTool, Map<String, JsonNode> arguments)
            implements CheckSpec {
        @Override
        public ServiceType needs() {
            return ServiceType.OLLAMA;
        }

        @Override
        public List<String> commandRun() {
            return tools;
        }
    }

    /** An eval suite in the workspace reaches a pass rate. */
    record Eval(String id, String title, Duration timeout, String hint, String suite, double minPassRate)
            implements CheckSpec {
        @Override
        public ServiceType needs() {
            return ServiceType.OLLAMA;
        }
    }
}
