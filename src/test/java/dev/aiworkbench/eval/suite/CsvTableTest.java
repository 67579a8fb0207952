package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4180 reading, with every cell's line and column. */
class CsvTableTest {

    private static List<String> texts(List<CsvTable.Cell> cells) {
        return cells.stream().map(CsvTable.Cell::text).toList();
    }

    @Test
    void readsQuotedCellsWithCommasQuotesAndLineBreaks() throws ProblemException {
        CsvTable table = CsvTable.parse("t.csv", "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",,end");
        assertThat(texts(table.header())).containsExactly("a", "b", "c");
        assertThat(table.rows()).hasSize(2);
        assertThat(texts(table.rows().get(0).cells())).containsExactly("1", "x, y", "say \"hi\"");
        assertThat(texts(table.rows().get(1).cells())).containsExactly("two\nlines", "", "end");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4);
        CsvTable.Cell end = table.rows().get(1).cells().get(2);
        assertThat(List.of(end.line(), end.column())).containsExactly(5, 9);
        CsvTable.Cell quoted = table.rows().get(0).cells().get(2);
        assertThat(List.of(quoted.line(), quoted.column())).containsExactly(2, 10);
    }

    @Test
    void keepsSpacesAndTrailingEmptyCells() throws ProblemException {
        CsvTable table = CsvTable.parse("t.csv", "a,b\n x ,\n");
        assertThat(texts(table.rows().get(0).cells())).containsExactly(" x ", "");
    }

    @Test
    void anEmptyFileHasNoHeaderAndNoRows() throws ProblemException {
        CsvTable table = CsvTable.parse("t.csv", "\n\n");
        assertThat(table.header()).isEmpty();
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a,b\n\"x\"y,z\n"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().toString())
                        .isEqualTo("t.csv:2:4: unexpected text after a closing quote: put the whole cell in quotes, "
                                + "and write \"\" for a quote inside it"));
    }
}
