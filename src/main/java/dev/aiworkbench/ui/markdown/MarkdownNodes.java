package dev.aiworkbench.ui.markdown;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.ui.common.LinkOpener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a commonmark tree into JavaFX nodes, styled with the theme's classes. */
final class MarkdownNodes {
    private final LinkOpener links;

    MarkdownNodes(LinkOpener links) {
        this.links = links;
    }

    List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> nodes = new ArrayList<>();
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            Node node = block(child);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private Node block(org.commonmark.node.Node node) {
        if (node instanceof Heading heading) {
            TextFlow flow = inline(heading, Set.of());
            flow.getStyleClass().addAll("md-heading", switch (Math.min(heading.getLevel(), 4)) {
                case 1 -> Styles.TITLE_2;
                case 2 -> Styles.TITLE_3;
                default -> Styles.TITLE_4;
            });
            return flow;
        }
        if (node instanceof Paragraph paragraph) {
            TextFlow flow = inline(paragraph, Set.of());
            flow.getStyleClass().add("md-paragraph");
            return flow;
        }
        if (node instanceof BulletList || node instanceof OrderedList) {
            return list(node);
        }
        if (node instanceof FencedCodeBlock fenced) {
            return code(fenced.getLiteral());
        }
        if (node instanceof IndentedCodeBlock indented) {
            return code(indented.getLiteral());
        }
        if (node instanceof BlockQuote quote) {
            VBox box = new VBox(6);
            box.getStyleClass().add("md-quote");
            box.getChildren().setAll(blocks(quote));
            return box;
        }
        if (node instanceof ThematicBreak) {
            return new Separator();
        }
        if (node instanceof TableBlock table) {
            return table(table);
        }
        if (node instanceof HtmlBlock html) {
            return code(html.getLiteral());
        }
        return null;
    }

    private Node list(org.commonmark.node.Node list) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-list");
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(list instanceof OrderedList ? (number++) + "." : "•");
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(22);
            VBox body = new VBox(4);
            body.getChildren().setAll(blocks(item));
            HBox.setHgrow(body, Priority.ALWAYS);
            box.getChildren().add(new HBox(4, marker, body));
        }
        return box;
    }

    private Node code(String literal) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.setFocusTraversable(false);
        area.getStyleClass().add("md-code");
        area.setPrefRowCount(Math.max(1, (int) text.lines().count()));
        area.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return area;
    }

    private Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            boolean head = section instanceof TableHead;
            for (org.commonmark.node.Node tableRow = section.getFirstChild(); tableRow != null; tableRow = tableRow.getNext()) {
                if (!(tableRow instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (org.commonmark.node.Node cell = tableRow.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tableCell) {
                        TextFlow flow = inline(tableCell, head ? Set.of("md-strong") : Set.of());
                        flow.getStyleClass().add(head ? "md-table-head" : "md-table-cell");
                        flow.setPadding(new Insets(4, 8, 4, 8));
                        grid.add(flow, column++, row);
                    }
                }
                if (row == 0) {
                    for (int i = 0; i < column; i++) {
                        ColumnConstraints constraints = new ColumnConstraints();
                        constraints.setHgrow(Priority.SOMETIMES);
                        grid.getColumnConstraints().add(constraints);
                    }
                }
                row++;
            }
        }
        return grid;
    }

    private TextFlow inline(org.commonmark.node.Node parent, Set<String> styles) {
        TextFlow flow = new TextFlow();
        appendInline(flow, parent, styles);
        return flow;
    }

    private void appendInline(TextFlow flow, org.commonmark.node.Node parent, Set<String> styles) {
        for (org.commonmark.node.Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), styles));
            } else if (child instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(styles, "md-code-span")));
            } else if (child instanceof Emphasis) {
                appendInline(flow, child, with(styles, "md-emphasis"));
            } else if (child instanceof StrongEmphasis) {
                appendInline(flow, child, with(styles, "md-strong"));
            } else if (child instanceof Link link) {
                flow.getChildren().add(link(link));
            } else if (child instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (child instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (child instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), styles));
            } else {
                appendInline(flow, child, styles);
            }
        }
    }

    private Hyperlink link(Link link) {
        StringBuilder label = new StringBuilder();
        for (org.commonmark.node.Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof org.commonmark.node.Text text) {
                label.append(text.getLiteral());
            } else if (child instanceof Code code) {
                label.append(code.getLiteral());
            }
        }
        Hyperlink hyperlink = new Hyperlink(label.isEmpty() ? link.getDestination() : label.toString());
        hyperlink.getStyleClass().add("md-link");
        String destination = link.getDestination();
        hyperlink.setOnAction(e -> links.open(destination));
        return hyperlink;
    }

    private static Text text(String literal, Set<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add("md-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static Set<String> with(Set<String> styles, String extra) {
        Set<String> combined = new HashSet<>(styles);
        combined.add(extra);
        return combined;
    }
}
