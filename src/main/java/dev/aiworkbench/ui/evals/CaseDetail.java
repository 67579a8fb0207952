package dev.aiworkbench.ui.evals;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.eval.assertions.AssertionResult;
import dev.aiworkbench.eval.report.ItemResult;
import dev.aiworkbench.eval.run.CaseResult;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One item in full: its vars, and for each of its runs the output, the error when it errored, and
 * every assertion with its verdict, score and reason.
 */
final class CaseDetail extends ScrollPane {
    private static final int VAR_PREVIEW = 240;

    private final VBox content = new VBox(10);
    private final Label placeholder = Labels.wrapped("Select an item to see its output and each assertion's reason.",
            Styles.TEXT_MUTED);

    CaseDetail() {
        setId("case-detail");
        getStyleClass().add("case-detail");
        setFitToWidth(true);
        content.setPadding(new Insets(12));
        setContent(content);
        clear();
    }

    void clear() {
        content.getChildren().setAll(placeholder);
    }

    void show(ItemResult item) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        Label title = Labels.wrapped(Items.title(item), Styles.TITLE_4);
        title.setId("case-title");
        nodes.add(title);
        Label verdict = badge(item);
        verdict.setId("case-verdict");
        String figures = "score " + Items.score(item.score()) + (item.runs().size() > 1
                ? " · passed " + passes(item) + " of " + graded(item) + " graded runs" : "")
                + (item.flaky() ? " · flaky" : "") + (item.changed() ? " · changed against the baseline" : "");
        Label figureLabel = Labels.wrapped(figures, Styles.TEXT_MUTED);
        HBox.setHgrow(figureLabel, Priority.ALWAYS);
        HBox head = new HBox(8, verdict, figureLabel);
        head.setAlignment(Pos.CENTER_LEFT);
        nodes.add(head);
        Map<String, String> vars = item.first().vars();
        if (vars != null && !vars.isEmpty()) {
            VBox varBox = new VBox(2);
            varBox.setId("case-vars");
            vars.forEach((name, value) -> {
                Label line = Labels.wrapped(name + " = " + Items.shorten(value, VAR_PREVIEW), "case-var");
                varBox.getChildren().add(line);
            });
            nodes.add(section("Vars", varBox));
        }
        for (int i = 0; i < item.runs().size(); i++) {
            nodes.addAll(run(item.runs().get(i), i, item.runs().size()));
        }
        content.getChildren().setAll(nodes);
        setVvalue(0);
    }

    private static long passes(ItemResult item) {
        return item.runs().stream().filter(r -> !r.errored() && r.pass()).count();
    }

    private static long graded(ItemResult item) {
        return item.runs().stream().filter(r -> !r.errored()).count();
    }

    private static List<javafx.scene.Node> run(CaseResult run, int index, int count) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        String suffix = index == 0 ? "" : "-" + (index + 1);
        if (count > 1) {
            Label heading = new Label("Run " + (index + 1) + " of " + count + ": "
                    + (run.errored() ? "error" : run.pass() ? "pass" : "fail") + ", score " + Items.score(run.score())
                    + (run.latencyMs() == null ? "" : ", " + Items.millis(run.latencyMs())));
            heading.getStyleClass().addAll(Styles.TEXT_BOLD, "case-run-heading");
            nodes.add(heading);
        } else if (run.latencyMs() != null) {
            Label latency = new Label("Answered in " + Items.millis(run.latencyMs())
                    + (run.attempts() > 1 ? " after " + run.attempts() + " attempts" : ""));
            latency.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            nodes.add(latency);
        }
        if (run.errored()) {
            Label error = Labels.wrapped(run.error(), "case-error");
            error.setId("case-error" + suffix);
            error.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
            nodes.add(section("Error: neither a pass nor a fail", error));
        }
        TextArea output = new TextArea(run.output() == null ? "" : run.output());
        output.setId("case-output" + suffix);
        output.setEditable(false);
        output.setWrapText(true);
        output.setPrefRowCount(Math.min(8, Math.max(2, (run.output() == null ? 0 : run.output().length()) / 60 + 1)));
        output.getStyleClass().add("case-output");
        nodes.add(section(run.output() == null || run.output().isEmpty() ? "Output (empty)" : "Output", output));
        VBox assertions = new VBox(6);
        assertions.setId("case-assertions" + suffix);
        if (run.assertions().isEmpty()) {
            assertions.getChildren().add(Labels.wrapped(run.errored()
                    ? "Not graded: the case errored before its assertions could run."
                    : "This item has no assertions.", Styles.TEXT_MUTED));
        }
        for (AssertionResult assertion : run.assertions()) {
            assertions.getChildren().add(assertionRow(assertion));
        }
        nodes.add(section("Assertions", assertions));
        return nodes;
    }

    private static HBox assertionRow(AssertionResult assertion) {
        String state = assertion.error() ? "error" : assertion.pass() ? "pass" : "fail";
        FontIcon icon = new FontIcon(assertion.error() ? Feather.ALERT_OCTAGON
                : assertion.pass() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE);
        icon.getStyleClass().add("assertion-icon");
        Label type = new Label(assertion.type());
        type.getStyleClass().addAll(Styles.TEXT_BOLD, "assertion-type");
        Label verdict = new Label(state);
        verdict.getStyleClass().add("assertion-verdict");
        String figures = "score " + Items.score(assertion.score())
                + (assertion.weight() != 1.0 ? String.format(Locale.ROOT, " · weight %s", trim(assertion.weight())) : "")
                + (assertion.metric() == null ? "" : " · metric " + assertion.metric());
        Label score = new Label(figures);
        score.getStyleClass().addAll(Styles.TEXT_MUTED, "assertion-score");
        HBox top = new HBox(8, icon, type, verdict, score);
        top.setAlignment(Pos.CENTER_LEFT);
        Label reason = Labels.wrapped(assertion.reason() == null ? "" : assertion.reason(), "assertion-reason");
        VBox box = new VBox(2, top, reason);
        HBox.setHgrow(box, Priority.ALWAYS);
        HBox row = new HBox(box);
        row.getStyleClass().addAll("assertion-row", "assertion-" + state);
        return row;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static Label badge(ItemResult item) {
        String verdict = Items.verdict(item);
        Label badge = new Label(verdict);
        badge.getStyleClass().addAll("badge", "verdict-" + verdict);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    private static VBox section(String title, javafx.scene.Node body) {
        Label label = new Label(title);
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "case-section-title");
        return new VBox(4, label, body);
    }
}
