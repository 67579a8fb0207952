package dev.aiworkbench.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link ArchitectureRules} fails on a small house under {@code fixtures} that breaks it, and names the
 * offending dependency: a rule that cannot fail would keep nothing out.
 */
class ArchitectureRulesTest {
    private static final String FIXTURES = "dev.aiworkbench.architecture.fixtures";

    private static EvaluationResult evaluate(String house, java.util.function.Function<String, ArchRule> rule) {
        String root = FIXTURES + "." + house;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        return rule.apply(root).evaluate(classes);
    }

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void aCycleBetweenTwoPackagesFails() {
        EvaluationResult result = evaluate("cycle", ArchitectureRules::noCyclesBetweenPackages);

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("SuiteRunner").contains("LabCheck");
    }

    @Test
    void aGroundFloorPackageThatImportsAFeatureFails() {
        EvaluationResult result = evaluate("groundfloor",
                root -> ArchitectureRules.groundFloorImportsNothingOfTheProject(root, "diagnostics"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("Report").contains("Week");
    }

    @Test
    void aScreenThatReadsAStoreFailsWhileTheServiceAndTheCompositionRootMayUseIt() {
        EvaluationResult result = evaluate("stores", ArchitectureRules::storesAreReachedOnlyThroughTheirFeature);

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("RunsScreen").doesNotContain("EvalService").doesNotContain("Root");
    }

    @Test
    void aViewModelThatBuildsAControlFails() {
        EvaluationResult result = evaluate("viewmodels", ArchitectureRules::viewModelsDoNotTouchControls);

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("RunsViewModel").contains("javafx.scene.control.Label")
                .doesNotContain("SimpleStringProperty");
    }

    @Test
    void aScreenThatTakesTheCompositionRootFailsWhileTheShellMay() {
        EvaluationResult result = evaluate("composition", ArchitectureRules::screensDoNotReachTheCompositionRoot);

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("EvalsScreen").doesNotContain("Registry");
    }

    @Test
    void javafxOutsideUiFails() {
        EvaluationResult result = evaluate("javafx", ArchitectureRules::onlyUiTouchesJavafx);

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("ProgressModel");
    }

    @Test
    void uiCallingTheCommandLineAndAServiceReachingUpFail() {
        assertThat(report(evaluate("layers", ArchitectureRules::uiDoesNotCallCli))).contains("Screen").contains("Verb");
        assertThat(report(evaluate("layers", ArchitectureRules::servicesDoNotReachUp))).contains("Lab").contains("Wiring");
        assertThat(evaluate("layers", ArchitectureRules::cliDoesNotCallUi).hasViolation()).isFalse();
    }
}
