package dev.aiworkbench.curriculum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticVersionTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "1.0.0, 1.0.0, 0",
            "1.0.0, 2.0.0, -1",
            "2.0.0, 1.9.9, 1",
            "1.2.0, 1.10.0, -1",
            "1.2.10, 1.2.9, 1",
            "0.1.0, 0.0.99, 1",
            "1.0.0-rc.1, 1.0.0, -1",
            "1.0.0, 1.0.0-rc.1, 1",
            "1.0.0-alpha, 1.0.0-beta, -1",
            "1.0.0+build.5, 1.0.0, 0",
            "1.0.0-rc.1, 0.9.0, 1",
            "10.0.0, 9.0.0, 1"
    })
    void comparesNumericallyAndSortsPreReleasesBeforeTheRelease(String a, String b, int expected) {
        assertThat(Integer.signum(SemanticVersion.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(SemanticVersion.compare(b, a))).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1.0", "1.2.3", "1.0.0-rc.1", "1.0.0+sha.5114f85", "1.0.0-beta.2+exp"})
    void acceptsSemanticVersions(String version) {
        assertThat(SemanticVersion.isValid(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "v1.2.3", "1.2.3.4", "1.2.x", ">=1.2.3", "1.2.3-"})
    void rejectsWhatIsNotASemanticVersion(String version) {
        assertThat(SemanticVersion.isValid(version)).isFalse();
        assertThatThrownBy(() -> SemanticVersion.compare(version, "1.0.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a semantic version: " + version);
    }

    @Test
    void nullIsNotAVersion() {
        assertThat(SemanticVersion.isValid(null)).isFalse();
    }
}
