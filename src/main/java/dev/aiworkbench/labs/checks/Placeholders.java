package dev.aiworkbench.labs.checks;

import dev.aiworkbench.labs.definition.ServiceType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders: {@code {{fastapi.url}}}, {@code {{qdrant.url}}}, {@code {{qdrant.grpc}}},
 * {@code {{ollama.url}}} from the running services, and {@code {{python}}} from the Python the workbench found.
 * A placeholder nobody knows is a mistake in the lab; a known one without a value means a service is not running
 * (or, for {@code {{python}}}, no Python with FastAPI was found): both are reported, never left in place.
 */
public final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    public static final String PYTHON = "python";
    public static final List<String> KNOWN = List.of("fastapi.url", "qdrant.url", "qdrant.grpc", "ollama.url", PYTHON);

    private final Map<String, String> values;

    private Placeholders(Map<String, String> values) {
        this.values = values;
    }

    /** The values of the running services and, when there is one, the Python. */
    public static Placeholders of(ServiceEndpoints endpoints, Optional<String> python) {
        Map<String, String> values = new LinkedHashMap<>(endpoints.placeholders());
        python.ifPresent(p -> values.put(PYTHON, p));
        return new Placeholders(values);
    }

    /** The service a placeholder stands for, or null for {@code {{python}}} and unknown names. */
    public static ServiceType serviceOf(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            return ServiceType.fromId(name.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The text with every placeholder replaced.
     *
     * @throws Missing a placeholder that is unknown or has no value; its message says what to do
     */
    public String fill(String text) throws Missing {
        if (text == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                throw missing(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Missing missing(String name) {
        if (!KNOWN.contains(name)) {
            return new Missing(null, "The check uses the placeholder {{" + name + "}}, which the workbench does "
                    + "not know (it knows {{" + String.join("}}, {{", KNOWN) + "}})",
                    "This is a mistake in the lab: correct the placeholder in lab.yaml.");
        }
        if (PYTHON.equals(name)) {
            return new Missing(null, "The check runs {{python}}, but no Python with FastAPI and uvicorn was found",
                    "Install Python 3 with `pip install fastapi uvicorn` (or set WORKBENCH_PYTHON to such a Python), "
                            + "then run the check again.");
        }
        ServiceType service = serviceOf(name);
        return new Missing(service, "The check needs {{" + name + "}}, but the " + service.id()
                + " service is not running", startService(service));
    }

    /** The next step when a service the check needs is not running. */
    static String startService(ServiceType service) {
        return switch (service) {
            case OLLAMA -> "Start the lab's services (or start Ollama with `ollama serve`), then run the check again.";
            case QDRANT -> "Start the lab's services so that Qdrant runs, then run the check again.";
            case FASTAPI -> "Start the lab's services so that your FastAPI app runs, then run the check again.";
        };
    }

    /** A placeholder that could not be filled. */
    public static final class Missing extends Exception {
        private final ServiceType service;
        private final String nextStep;

        Missing(ServiceType service, String finding, String nextStep) {
            super(finding);
            this.service = service;
            this.nextStep = nextStep;
        }

        /** The service to start, or null when the placeholder is unknown or is {@code {{python}}}. */
        public ServiceType service() {
            return service;
        }

        Outcome outcome() {
            return Outcome.error(getMessage(), nextStep);
        }
    }
}
