package dev.aiworkbench.ui.labs;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.checks.CheckStatus;
import dev.aiworkbench.labs.definition.CheckSpec;
import dev.aiworkbench.labs.definition.LabStep;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.Labels;
import dev.aiworkbench.ui.markdown.MarkdownView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** One step of a lab: its checks with their last results, a button to check just this step, and its guide. */
final class StepPane extends VBox {

    StepPane(StepViewModel model, ZoneId zone, LinkOpener links, Runnable checkStep, ReadOnlyBooleanProperty canCheck) {
        LabStep step = model.step();
        setId("step-" + step.id());
        getStyleClass().add("lab-step");
        setSpacing(10);

        Label title = Labels.wrapped("Step " + model.number() + " · " + step.title(), Styles.TITLE_4);
        Label tally = new Label();
        tally.setId("step-tally-" + step.id());
        tally.getStyleClass().add(Styles.TEXT_MUTED);
        tally.setMinWidth(Region.USE_PREF_SIZE);
        tally.textProperty().bind(model.tallyProperty());
        Button check = new Button("Check this step", new FontIcon(Feather.CHECK));
        check.setId("check-step-" + step.id());
        check.setMinWidth(Region.USE_PREF_SIZE);
        check.setOnAction(e -> checkStep.run());
        check.disableProperty().bind(canCheck.not());
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(12, title, tally, check);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox checks = new VBox(6);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withZone(zone);
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withZone(zone);
        for (CheckSpec spec : step.checks()) {
            CheckRow row = new CheckRow(spec, at -> LocalDate.ofInstant(at, zone).equals(LocalDate.now(zone))
                    ? "checked at " + time.format(at) : "checked " + dateTime.format(at));
            Watch.value(model.resultProperty(spec.id()), outcome -> {
                if (outcome != null) {
                    row.show(outcome.status(), outcome.message(), outcome.at());
                }
            });
            checks.getChildren().add(row);
        }

        MarkdownView markdown = new MarkdownView(links);
        markdown.setMarkdown(step.guide());
        TitledPane guide = new TitledPane("Guide", markdown);
        guide.setId("guide-" + step.id());
        guide.setAnimated(false);
        guide.expandedProperty().bindBidirectional(model.guideExpandedProperty());
        getChildren().addAll(header, checks);
        if (!step.guide().isBlank()) {
            getChildren().add(guide);
        }
    }

    /** A check: a mark for its last result, its title, the message that says what to do next, and when. */
    static final class CheckRow extends HBox {
        private final FontIcon icon = new FontIcon(Feather.CIRCLE);
        private final Label verdict = new Label("not checked yet");
        private final Label message = Labels.wrapped("");
        private final Label when = new Label();
        private final java.util.function.Function<Instant, String> formatWhen;

        CheckRow(CheckSpec spec, java.util.function.Function<Instant, String> formatWhen) {
            this.formatWhen = formatWhen;
            setId("check-" + spec.id());
            getStyleClass().addAll("check-row", "check-none");
            setSpacing(10);
            setAlignment(Pos.TOP_LEFT);
            icon.getStyleClass().add("check-icon");
            Label title = Labels.wrapped(spec.title(), Styles.TEXT_BOLD);
            verdict.setId("check-verdict-" + spec.id());
            verdict.getStyleClass().add("check-verdict");
            verdict.setMinWidth(Region.USE_PREF_SIZE);
            message.setId("check-message-" + spec.id());
            when.setId("check-when-" + spec.id());
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            HBox.setHgrow(title, Priority.ALWAYS);
            title.setMaxWidth(Double.MAX_VALUE);
            HBox top = new HBox(8, title, verdict);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(3, top, message, when);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            message.setVisible(false);
            message.setManaged(false);
            getChildren().addAll(icon, text);
        }

        void show(CheckStatus newStatus, String text, Instant at) {
            getStyleClass().removeAll("check-none", "check-pass", "check-fail", "check-error");
            getStyleClass().add("check-" + newStatus.name().toLowerCase(java.util.Locale.ROOT));
            icon.setIconCode(switch (newStatus) {
                case PASS -> Feather.CHECK_CIRCLE;
                case FAIL -> Feather.X_CIRCLE;
                case ERROR -> Feather.ALERT_TRIANGLE;
            });
            verdict.setText(switch (newStatus) {
                case PASS -> "passed";
                case FAIL -> "failed";
                case ERROR -> "could not check";
            });
            message.setText(text);
            message.setVisible(!text.isBlank());
            message.setManaged(!text.isBlank());
            when.setText(formatWhen.apply(at));
        }
    }
}
