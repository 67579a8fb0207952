package dev.aiworkbench.authoring;

import dev.aiworkbench.curriculum.WeekFile;
import dev.aiworkbench.diagnostics.SourcePosition;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The links and images of a week's guide, found by a Markdown parser so that a URL inside a code block (an example
 * request to localhost) is not taken for a link.
 */
final class GuideLinks {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private GuideLinks() {
    }

    /** @param fileText the week file's whole text, to know on which line the guide starts */
    static List<GuideLink> of(WeekFile week, String fileText) {
        int guideStart = fileText.length() - week.guide().length();
        int lineOffset = guideStart < 0 ? 0 : (int) fileText.substring(0, guideStart).chars().filter(c -> c == '\n').count();
        List<GuideLink> links = new ArrayList<>();
        PARSER.parse(week.guide()).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                add(link, link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                add(image, image.getDestination());
                visitChildren(image);
            }

            private void add(Node node, String destination) {
                List<SourceSpan> spans = node.getSourceSpans();
                SourcePosition at = spans.isEmpty() ? new SourcePosition(week.file(), lineOffset + 1, 1)
                        : new SourcePosition(week.file(), lineOffset + spans.get(0).getLineIndex() + 1,
                        spans.get(0).getColumnIndex() + 1);
                links.add(new GuideLink(destination, at));
            }
        });
        return links;
    }
}
