package dev.aiworkbench.ui.curriculum;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.progress.Completion;
import dev.aiworkbench.progress.ProgressReport;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/** A phase or module: its summary, completion and weeks, each a link to the week. */
final class SummaryPage extends VBox {
    SummaryPage(String heading, String summary, Completion completion, List<Week> weeks, ProgressReport report,
                Consumer<Week> openWeek) {
        setId("summary-page");
        setSpacing(16);
        setPadding(new Insets(24, 32, 32, 32));
        Label title = Labels.wrapped(heading, Styles.TITLE_2);
        Label text = Labels.wrapped(summary);
        ProgressBar bar = new ProgressBar(completion.fraction());
        bar.setPrefWidth(260);
        Label figures = new Label(completion.percent() + "% · " + completion.done() + " done, " + completion.skipped()
                + " skipped of " + completion.total());
        VBox list = new VBox(2);
        for (Week week : weeks) {
            Hyperlink link = new Hyperlink("Week " + week.number() + " · " + week.title() + " · "
                    + report.of(week.id()).percent() + "%");
            link.setOnAction(e -> openWeek.accept(week));
            list.getChildren().add(link);
        }
        getChildren().addAll(title, text, new HBox(12, bar, figures), list);
    }
}
