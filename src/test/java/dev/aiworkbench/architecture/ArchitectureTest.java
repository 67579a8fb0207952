package dev.aiworkbench.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering rules of DESIGN.md, checked on the compiled product code. */
@AnalyzeClasses(packages = "dev.aiworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String MAIN = "dev.aiworkbench.Main";
    private static final String[] SERVICES = {"dev.aiworkbench.store..", "dev.aiworkbench.curriculum..",
            "dev.aiworkbench.progress..", "dev.aiworkbench.assessment..", "dev.aiworkbench.llm..",
            "dev.aiworkbench.prompts..", "dev.aiworkbench.eval..", "dev.aiworkbench.labs..", "dev.aiworkbench.doctor.."};

    @ArchTest
    static final ArchRule only_ui_touches_javafx = noClasses()
            .that().resideOutsideOfPackage("dev.aiworkbench.ui..")
            .and().doNotHaveFullyQualifiedName(MAIN)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..",
                    "org.fxmisc..")
            .because("only the ui package (and Main, which launches it) may use JavaFX");

    @ArchTest
    static final ArchRule cli_does_not_call_ui = noClasses()
            .that().resideInAPackage("dev.aiworkbench.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.aiworkbench.ui..")
            .because("cli and ui call services, never each other");

    @ArchTest
    static final ArchRule ui_does_not_call_cli = noClasses()
            .that().resideInAPackage("dev.aiworkbench.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.aiworkbench.cli..")
            .because("cli and ui call services, never each other");

    @ArchTest
    static final ArchRule services_do_not_reach_up = noClasses()
            .that().resideInAnyPackage(SERVICES)
            .should().dependOnClassesThat().resideInAnyPackage("dev.aiworkbench.app..", "dev.aiworkbench.ui..",
                    "dev.aiworkbench.cli..")
            .because("no package below app reaches up into app, ui or cli");

    @ArchTest
    static final ArchRule no_standard_streams_outside_main = noClasses()
            .that().doNotHaveFullyQualifiedName(MAIN)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the command line writes through picocli's streams and everything else logs");
}
