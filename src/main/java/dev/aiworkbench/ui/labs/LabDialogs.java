package dev.aiworkbench.ui.labs;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import dev.aiworkbench.labs.TrustRequest;
import dev.aiworkbench.ui.common.Labels;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.List;

/** The questions a lab page asks over the screen: trust the pack's labs, reveal the reference solution. */
final class LabDialogs {
    private LabDialogs() {
    }

    static Node trust(TrustRequest request, Runnable accept, Runnable refuse) {
        Card card = new Card();
        card.setId("trust-dialog");
        card.getStyleClass().add(Styles.ELEVATED_2);
        card.setHeader(Labels.wrapped("Trust the labs of " + request.packId() + " " + request.packVersion() + "?",
                Styles.TITLE_3));
        VBox body = new VBox(10);
        body.getChildren().add(Labels.wrapped("Before a lab runs anything on this computer, the workbench lists what "
                + "the labs of this pack version start and run. Everything binds to 127.0.0.1 and stops when you "
                + "stop the lab or quit the app. You are asked once per pack version."));
        VBox lists = new VBox(12, list("Containers it may start", request.containers(), "trust-containers"),
                list("Commands it runs", request.commands(), "trust-commands"));
        lists.setPadding(new Insets(4, 12, 4, 0));
        ScrollPane scroll = new ScrollPane(lists);
        scroll.setId("trust-lists");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        scroll.setMaxHeight(340);
        body.getChildren().add(scroll);
        card.setBody(body);
        Button yes = new Button("Trust and start", new FontIcon(Feather.SHIELD));
        yes.setId("trust-accept");
        yes.getStyleClass().add(Styles.ACCENT);
        yes.setDefaultButton(true);
        yes.setOnAction(e -> accept.run());
        Button no = new Button("Not now");
        no.setId("trust-refuse");
        no.setCancelButton(true);
        no.setOnAction(e -> refuse.run());
        card.setFooter(new HBox(8, yes, no));
        return dialog(card, yes);
    }

    private static VBox list(String title, List<String> lines, String id) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox items = new VBox(2);
        items.setId(id);
        if (lines.isEmpty()) {
            items.getChildren().add(Labels.wrapped("none", Styles.TEXT_MUTED));
        }
        for (String line : lines) {
            items.getChildren().add(Labels.wrapped("• " + line, "code-line"));
        }
        return new VBox(4, label, items);
    }

    static Node revealSolution(Path workspace, Runnable confirm, Runnable cancel) {
        Card card = new Card();
        card.setId("solve-dialog");
        card.getStyleClass().add(Styles.ELEVATED_2);
        card.setHeader(Labels.wrapped("Reveal the reference solution?", Styles.TITLE_3));
        card.setBody(new VBox(10,
                Labels.wrapped("The workbench copies this lab's reference solution into your workspace, " + workspace
                        + ". Files of yours that it replaces are first moved to .workbench-backup/<time>/ in the "
                        + "workspace, so nothing is lost. A running FastAPI service reloads with the new files."),
                Labels.wrapped("Try the steps yourself first if you can: each failing check says what it needs.",
                        Styles.TEXT_MUTED)));
        Button yes = new Button("Reveal solution", new FontIcon(Feather.EYE));
        yes.setId("solve-confirm");
        yes.getStyleClass().add(Styles.DANGER);
        yes.setOnAction(e -> confirm.run());
        Button no = new Button("Cancel");
        no.setId("solve-cancel");
        no.setCancelButton(true);
        no.setDefaultButton(true);
        no.setOnAction(e -> cancel.run());
        card.setFooter(new HBox(8, yes, no));
        return dialog(card, no);
    }

    private static VBox dialog(Card card, Button focus) {
        VBox box = new VBox(card);
        box.setMaxSize(720, Region.USE_PREF_SIZE);
        box.setPadding(new Insets(24));
        box.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Platform.runLater(focus::requestFocus);
            }
        });
        return box;
    }
}
