package dev.aiworkbench.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit tags that let a developer leave a group out ({@code ./mvnw verify -DexcludedGroups=ui,docker,slow}) stay
 * true: a test class that drives a window is tagged {@code ui}, one that needs a Docker engine {@code docker}.
 */
class TestTagsTest {
    private static final String ROOT = "dev.aiworkbench";

    @Test
    void testsThatDriveAWindowAreTaggedUi() {
        assertThat(untagged("org.testfx.", "ui")).isEmpty();
    }

    @Test
    void testsThatNeedDockerAreTaggedDocker() {
        assertThat(untagged("org.testcontainers.junit.jupiter.", "docker")).isEmpty();
    }

    /** Test classes that use the package but lack the tag. */
    private static List<String> untagged(String packagePrefix, String tag) {
        List<String> missing = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.OnlyIncludeTests())
                .importPackages(ROOT)) {
            boolean uses = type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getName().startsWith(packagePrefix))
                    || type.getAnnotations().stream().anyMatch(a -> a.getRawType().getName().startsWith(packagePrefix));
            boolean isTest = type.getSimpleName().endsWith("Test") && !type.getPackageName().contains(".fixtures");
            if (uses && isTest && !tags(type.reflect()).contains(tag)) {
                missing.add(type.getName());
            }
        }
        return missing;
    }

    private static Set<String> tags(Class<?> type) {
        return AnnotationSupport.findRepeatableAnnotations(type, Tag.class).stream().map(Tag::value)
                .collect(Collectors.toSet());
    }
}
