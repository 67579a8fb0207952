package dev.aiworkbench.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of DESIGN.md ({@link ArchitectureRules}), checked on the compiled product code. */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ROOT = "dev.aiworkbench";

    @ArchTest
    static final ArchRule only_ui_touches_javafx = ArchitectureRules.onlyUiTouchesJavafx(ROOT);

    @ArchTest
    static final ArchRule cli_does_not_call_ui = ArchitectureRules.cliDoesNotCallUi(ROOT);

    @ArchTest
    static final ArchRule ui_does_not_call_cli = ArchitectureRules.uiDoesNotCallCli(ROOT);

    @ArchTest
    static final ArchRule services_do_not_reach_up = ArchitectureRules.servicesDoNotReachUp(ROOT);

    @ArchTest
    static final ArchRule no_cycles_between_packages = ArchitectureRules.noCyclesBetweenPackages(ROOT);

    @ArchTest
    static final ArchRule diagnostics_imports_nothing_of_the_project =
            ArchitectureRules.groundFloorImportsNothingOfTheProject(ROOT, "diagnostics");

    @ArchTest
    static final ArchRule store_imports_nothing_of_the_project =
            ArchitectureRules.groundFloorImportsNothingOfTheProject(ROOT, "store");

    @ArchTest
    static final ArchRule stores_are_reached_only_through_their_feature =
            ArchitectureRules.storesAreReachedOnlyThroughTheirFeature(ROOT);

    @ArchTest
    static final ArchRule screens_do_not_reach_the_composition_root =
            ArchitectureRules.screensDoNotReachTheCompositionRoot(ROOT);

    @ArchTest
    static final ArchRule view_models_do_not_touch_controls = ArchitectureRules.viewModelsDoNotTouchControls(ROOT);

    @ArchTest
    static final ArchRule no_standard_streams_outside_main = ArchitectureRules.noStandardStreamsOutsideMain(ROOT);
}
