package dev.aiworkbench.labs.checks;

import dev.aiworkbench.llm.ModelGateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a check may use.
 *
 * @param workspace  the learner's workspace for the lab: file, command and eval paths are relative to it
 * @param endpoints  where the lab's running services answer
 * @param models     the model gateway, for ollama checks and for embedding qdrant text queries
 * @param python     the Python that stands for {@code {{python}}} (PythonProbe finds it); empty when none was found
 * @param evals      runs eval suites for eval checks
 * @param embedModel the lab's embedding model (its ollama service's embedModel), for qdrant text queries
 * @param schemas    reads schema files an http check names relative to the lab
 * @param clock      stamps each result with the time it ran
 */
public record CheckContext(Path workspace, ServiceEndpoints endpoints, Supplier<ModelGateway> models,
                           Optional<Path> python, EvalSuiteRunner evals, Optional<String> embedModel,
                           SchemaResolver schemas, Clock clock) {

    public CheckContext {
        Objects.requireNonNull(workspace, "workspace");
        endpoints = endpoints == null ? ServiceEndpoints.NONE : endpoints;
        models = models == null ? CheckContext::noGateway : models;
        python = python == null ? Optional.empty() : python;
        evals = evals == null ? EvalSuiteRunner.UNAVAILABLE : evals;
        embedModel = embedModel == null ? Optional.empty() : embedModel.filter(m -> !m.isBlank());
        schemas = schemas == null ? SchemaResolver.NONE : schemas;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A context over a workspace with nothing else: no services, no Python, no eval runner, the system clock. */
    public static CheckContext of(Path workspace) {
        return new CheckContext(workspace, null, null, null, null, null, null, null);
    }

    public CheckContext withEndpoints(ServiceEndpoints value) {
        return new CheckContext(workspace, value, models, python, evals, embedModel, schemas, clock);
    }

    public CheckContext withModels(Supplier<ModelGateway> value) {
        return new CheckContext(workspace, endpoints, value, python, evals, embedModel, schemas, clock);
    }

    public CheckContext withPython(Path value) {
        return new CheckContext(workspace, endpoints, models, Optional.ofNullable(value), evals, embedModel, schemas,
                clock);
    }

    public CheckContext withEvals(EvalSuiteRunner value) {
        return new CheckContext(workspace, endpoints, models, python, value, embedModel, schemas, clock);
    }

    public CheckContext withEmbedModel(String value) {
        return new CheckContext(workspace, endpoints, models, python, evals, Optional.ofNullable(value), schemas, clock);
    }

    public CheckContext withSchemas(SchemaResolver value) {
        return new CheckContext(workspace, endpoints, models, python, evals, embedModel, value, clock);
    }

    public CheckContext withClock(Clock value) {
        return new CheckContext(workspace, endpoints, models, python, evals, embedModel, schemas, value);
    }

    /** The placeholder values this context knows. */
    Placeholders placeholders() {
        return Placeholders.of(endpoints, python.map(Path::toString));
    }

    private static ModelGateway noGateway() {
        throw new IllegalStateException("no model gateway was given to the checks");
    }
}
