package dev.aiworkbench.ui.markdown;

import dev.aiworkbench.ui.common.LinkOpener;
import javafx.scene.layout.VBox;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

import java.util.List;

/** Shows Markdown as JavaFX nodes (no web engine): headings, paragraphs, lists, code, quotes, tables, links. */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final LinkOpener links;

    public MarkdownView(LinkOpener links) {
        this.links = links;
        getStyleClass().add("markdown");
        setSpacing(8);
    }

    public void setMarkdown(String markdown) {
        getChildren().setAll(new MarkdownNodes(links).blocks(PARSER.parse(markdown == null ? "" : markdown)));
    }
}
