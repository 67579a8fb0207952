package dev.aiworkbench.ui.playground;

import dev.aiworkbench.prompts.PromptTemplate;
import dev.aiworkbench.prompts.TemplateProblem;
import dev.aiworkbench.prompts.TemplateSlot;
import javafx.beans.property.StringProperty;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The template, kept in step with the view model's text, with its {@code {{variable}}} slots highlighted and
 * malformed braces marked as you type. Parsing a template takes microseconds, so it runs on every change without
 * a delay.
 */
final class TemplateEditor extends StackPane {
    private final CodeArea area = new CodeArea();

    TemplateEditor(StringProperty text) {
        area.setId("template-editor");
        area.setWrapText(true);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.getStyleClass().add("template-area");
        area.replaceText(text.get());
        area.plainTextChanges().subscribe(change -> {
            highlight();
            if (!area.getText().equals(text.get())) {
                text.set(area.getText());
            }
        });
        text.addListener((obs, was, now) -> {
            if (!area.getText().equals(now)) {
                area.replaceText(now == null ? "" : now);
            }
        });
        getChildren().add(new VirtualizedScrollPane<>(area));
        setPrefHeight(160);
        setMinHeight(100);
    }

    @Override
    public void requestFocus() {
        area.requestFocus();
    }

    private void highlight() {
        PromptTemplate parsed = PromptTemplate.parse(area.getText());
        if (area.getLength() > 0) {
            area.setStyleSpans(0, spans(parsed, area.getLength()));
        }
    }

    private record Mark(int start, int end, String style) {
    }

    private static StyleSpans<Collection<String>> spans(PromptTemplate parsed, int length) {
        List<Mark> marks = new ArrayList<>();
        for (TemplateSlot slot : parsed.slots()) {
            marks.add(new Mark(slot.start(), slot.end(), "slot"));
        }
        for (TemplateProblem problem : parsed.problems()) {
            marks.add(new Mark(problem.start(), Math.max(problem.end(), problem.start() + 1), "slot-problem"));
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int at = 0;
        for (Mark mark : marks) {
            int start = Math.max(at, Math.min(mark.start(), length));
            int end = Math.min(mark.end(), length);
            if (end <= start) {
                continue;
            }
            spans.add(Collections.emptyList(), start - at);
            spans.add(Collections.singleton(mark.style()), end - start);
            at = end;
        }
        spans.add(Collections.emptyList(), Math.max(0, length - at));
        return spans.create();
    }
}
