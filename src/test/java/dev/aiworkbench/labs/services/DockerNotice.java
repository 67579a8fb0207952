package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.host.DockerProbe;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * Prints why the container tests do not run where Docker does not. Testcontainers' own condition
 * ({@code disabledWithoutDocker}) disables the class silently, and a disabled class runs no {@code @BeforeAll};
 * this condition comes first, always enables, and says what it found.
 */
final class DockerNotice implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            DockerProbe.Result docker = DockerProbe.probe(System.getenv(), Duration.ofSeconds(3));
            if (!docker.running()) {
                System.out.println("Docker is not running here (" + docker.detail() + "): skipping the container"
                        + " tests in " + context.getDisplayName() + ".");
                return ConditionEvaluationResult.enabled("Docker is not running here: " + docker.detail());
            }
        }
        return ConditionEvaluationResult.enabled("Docker runs");
    }
}
