package dev.aiworkbench.eval.suite;

import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.ProblemException;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as RFC 4180 writes it: comma-separated cells, cells in double quotes may hold commas,
 * line breaks and doubled quotes, lines end with LF or CRLF. The first record is the header. Blank
 * lines are skipped. Every cell remembers its line and column, so problems in a cell point at it.
 */
final class CsvTable {
    static final int MAX_COLUMNS = 1000;

    /** One cell and where it starts. */
    record Cell(String text, int line, int column) {
    }

    /** One record after the header; {@code line} is where it starts. */
    record Row(List<Cell> cells, int line) {
    }

    private final List<Cell> header;
    private final List<Row> rows;

    private CsvTable(List<Cell> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<Cell> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** @throws ProblemException at the first place the text is not CSV */
    static CsvTable parse(String file, String text) throws ProblemException {
        List<List<Cell>> records = new ArrayList<>();
        List<Integer> recordLines = new ArrayList<>();
        int i = 0;
        int line = 1;
        int column = 1;
        int n = text.length();
        while (i < n) {
            // skip blank lines between records
            if (text.charAt(i) == '\n' || (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
                i += text.charAt(i) == '\r' ? 2 : 1;
                line++;
                column = 1;
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            recordLines.add(line);
            while (true) {
                int cellLine = line;
                int cellColumn = column;
                StringBuilder cell = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    column++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                column += 2;
                                continue;
                            }
                            i++;
                            column++;
                            closed = true;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                            column = 1;
                        } else {
                            column++;
                        }
                        cell.append(c);
                        i++;
                    }
                    if (!closed) {
                        throw new ProblemException(Problem.error(new SourcePosition(file, cellLine, cellColumn),
                                "this quoted cell is never closed: a cell that starts with \" ends with \" "
                                        + "(write \"\" for a quote inside it)"));
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new ProblemException(Problem.error(new SourcePosition(file, line, column),
                                "unexpected text after a closing quote: put the whole cell in quotes, "
                                        + "and write \"\" for a quote inside it"));
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n'
                            && !(text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
                        cell.append(text.charAt(i));
                        i++;
                        column++;
                    }
                }
                cells.add(new Cell(cell.toString(), cellLine, cellColumn));
                if (cells.size() > MAX_COLUMNS) {
                    throw new ProblemException(Problem.error(new SourcePosition(file, cellLine, cellColumn),
                            "more than " + MAX_COLUMNS + " columns"));
                }
                if (i < n && text.charAt(i) == ',') {
                    i++;
                    column++;
                    continue;
                }
                if (i < n && text.charAt(i) == '\r') {
                    i++;
                }
                if (i < n && text.charAt(i) == '\n') {
                    i++;
                    line++;
                    column = 1;
                }
                break;
            }
            records.add(cells);
        }
        if (records.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            rows.add(new Row(records.get(r), recordLines.get(r)));
        }
        return new CsvTable(records.get(0), rows);
    }
}
