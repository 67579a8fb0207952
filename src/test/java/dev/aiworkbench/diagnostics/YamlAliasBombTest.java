package dev.aiworkbench.diagnostics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * YAML aliases: the reader would read {@code *name} as the text "name", so a file using one loads as something else
 * than its author wrote, and a nest of them is the classic "billion laughs". Both are refused at the alias.
 */
class YamlAliasBombTest {
    private static String laughs(int levels) {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void anAliasIsRefusedAtItsLineAndColumnInsteadOfBeingReadAsText() {
        String yaml = "weeks: &phase [week-01, week-02]\nitems:\n  - id: x\n    weeks: *phase\n";

        assertThatThrownBy(() -> YamlDocument.parse("assessments/a.yaml", yaml, 0))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().toString()).isEqualTo(
                        "assessments/a.yaml:4:12: YAML syntax error: YAML aliases (*phase) are not supported: write "
                                + "the value out in full where it is used"));
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstAlias() {
        assertThatThrownBy(() -> YamlDocument.parse("bomb.yaml", laughs(9), 0))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().toString())
                        .startsWith("bomb.yaml:2:10: YAML syntax error: YAML aliases (*a0) are not supported"));
    }

    @Test
    void anAnchorWithoutAnAliasIsHarmless() throws Exception {
        YamlDocument document = YamlDocument.parse("a.yaml", "weeks: &phase [week-01]\n", 0);

        assertThat(document.root().path("weeks").get(0).asText()).isEqualTo("week-01");
    }
}
