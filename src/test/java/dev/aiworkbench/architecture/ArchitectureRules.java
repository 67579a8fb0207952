package dev.aiworkbench.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering rules of DESIGN.md, each made for a root package so that {@link ArchitectureTest} applies them to
 * the product and {@link ArchitectureRulesTest} shows each one failing on a small house built to break it.
 */
final class ArchitectureRules {
    /** Packages that sit on the ground floor: everything may use them, they use nothing of the project. */
    static final String[] GROUND_FLOOR = {"diagnostics", "store"};
    private static final String[] FEATURES = {"store", "curriculum", "progress", "assessment", "llm", "observability",
            "prompts", "eval", "labs", "doctor", "authoring", "packs", "providers"};

    private ArchitectureRules() {
    }

    static ArchRule onlyUiTouchesJavafx(String root) {
        return noClasses()
                .that().resideOutsideOfPackage(root + ".ui..")
                .and().doNotHaveFullyQualifiedName(root + ".Main")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..",
                        "org.fxmisc..")
                .because("only the ui package (and Main, which launches it) may use JavaFX");
    }

    static ArchRule cliDoesNotCallUi(String root) {
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(root + ".ui..")
                .because("cli and ui call services, never each other");
    }

    static ArchRule uiDoesNotCallCli(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAPackage(root + ".cli..")
                .because("cli and ui call services, never each other");
    }

    static ArchRule servicesDoNotReachUp(String root) {
        String[] services = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            services[i] = root + "." + FEATURES[i] + "..";
        }
        return noClasses().that().resideInAnyPackage(services)
                .should().dependOnClassesThat().resideInAnyPackage(root + ".app..", root + ".ui..", root + ".cli..")
                .because("no package below app reaches up into app, ui or cli");
    }

    /** Every package is a slice of its own, so a cycle between two sub-packages of one feature is caught too. */
    static ArchRule noCyclesBetweenPackages(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("a package that imports one that imports it back cannot be understood, tested or moved alone");
    }

    static ArchRule groundFloorImportsNothingOfTheProject(String root, String groundFloor) {
        String own = root + "." + groundFloor + "..";
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("are of the project outside " + own,
                                (JavaClass target) -> target.getPackageName().startsWith(root + ".")
                                        && !target.getPackageName().equals(root + "." + groundFloor)
                                        && !target.getPackageName().startsWith(root + "." + groundFloor + ".")))
                .because(groundFloor + " is a ground-floor package: everything may use it, it uses nothing of the project");
    }

    /**
     * A feature's store (a class named {@code ...Store}) is its private way to the database: other features, the
     * command line and the screens go through the feature's service. Only the composition root ({@code app}), which
     * builds the services, may name it.
     */
    static ArchRule storesAreReachedOnlyThroughTheirFeature(String root) {
        return classes().that().haveSimpleNameEndingWith("Store").and().resideInAPackage(root + "..")
                .should(new ArchCondition<>("be used only by their own feature and the composition root") {
                    @Override
                    public void check(JavaClass store, ConditionEvents events) {
                        Optional<String> feature = feature(root, store);
                        for (Dependency dependency : store.getDirectDependenciesToSelf()) {
                            JavaClass origin = dependency.getOriginClass();
                            Optional<String> from = feature(root, origin);
                            boolean allowed = from.equals(feature) || from.equals(Optional.of("app"));
                            if (!allowed) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /**
     * Screens receive the services they use: only the app's entry and the shell (whose screen registry picks each
     * screen's services) may name the composition root.
     */
    static ArchRule screensDoNotReachTheCompositionRoot(String root) {
        return noClasses().that().resideInAPackage(root + ".ui..")
                .and().resideOutsideOfPackages(root + ".ui", root + ".ui.shell")
                .should().dependOnClassesThat().haveFullyQualifiedName(root + ".app.Workbench")
                .because("a screen is given its services, so it can be built and tested without the whole app");
    }

    /** View models hold state and start work; controls are the view's (JabRef's rule). */
    static ArchRule viewModelsDoNotTouchControls(String root) {
        return noClasses().that().haveSimpleNameEndingWith("ViewModel").and().resideInAPackage(root + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "atlantafx..",
                        "org.kordamp.ikonli..", "org.fxmisc..")
                .because("a view model holds state as properties and is tested without a scene");
    }

    static ArchRule noStandardStreamsOutsideMain(String root) {
        return noClasses().that().doNotHaveFullyQualifiedName(root + ".Main")
                .and().resideInAPackage(root + "..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("the command line writes through picocli's streams and everything else logs");
    }

    /** The top-level package under the root a class belongs to, e.g. {@code eval} for {@code root.eval.run.X}. */
    private static Optional<String> feature(String root, JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
