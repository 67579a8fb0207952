package dev.aiworkbench.ui.models;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.llm.LocalModel;
import dev.aiworkbench.llm.ModelDetails;
import dev.aiworkbench.llm.PullBoard;
import dev.aiworkbench.ui.common.Labels;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server says about the selected model: its facts, capabilities, prompt template,
 * parameters, system prompt and licence, drawn from a {@link ModelDetailsViewModel}.
 */
final class ModelDetailsPane extends ScrollPane {
    private final DateTimeFormatter dates;
    private final VBox body = new VBox(12);

    ModelDetailsPane(ModelDetailsViewModel model, DateTimeFormatter dates) {
        this.dates = dates;
        setId("model-details");
        getStyleClass().add("model-details");
        setFitToWidth(true);
        body.setPadding(new Insets(12, 16, 16, 16));
        setContent(body);
        Runnable redraw = () -> redraw(model);
        model.modelProperty().addListener((obs, was, now) -> redraw.run());
        model.detailsProperty().addListener((obs, was, now) -> redraw.run());
        model.problemProperty().addListener((obs, was, now) -> redraw.run());
        redraw.run();
    }

    private void redraw(ModelDetailsViewModel model) {
        LocalModel shown = model.modelProperty().get();
        if (shown == null) {
            body.getChildren().setAll(Labels.wrapped("Select a model to see its prompt template, parameters and "
                    + "capabilities.", Styles.TEXT_MUTED));
        } else if (model.detailsProperty().get() != null) {
            render(shown, model.detailsProperty().get());
        } else if (!model.problemProperty().get().isEmpty()) {
            Label problem = Labels.wrapped(model.problemProperty().get(), Styles.DANGER);
            problem.setId("model-details-problem");
            body.getChildren().setAll(heading(shown.name()), problem);
        } else {
            Label loading = Labels.wrapped("Asking Ollama about " + shown.name() + "…", Styles.TEXT_MUTED);
            loading.setId("model-details-loading");
            body.getChildren().setAll(heading(shown.name()), loading);
        }
    }

    private void render(LocalModel model, ModelDetails details) {
        body.getChildren().setAll(heading(model.name()));

        Map<String, String> facts = new LinkedHashMap<>(details.details());
        facts.putIfAbsent("family", model.family().orElse("unknown"));
        facts.putIfAbsent("parameter size", model.parameterSize().orElse("unknown"));
        facts.putIfAbsent("quantization", model.quantization().orElse("unknown"));
        facts.put("size on disk", PullBoard.bytes(model.sizeBytes()));
        facts.put("modified", model.modifiedAt().map(dates::format).orElse("unknown"));
        if (model.digest() != null && !model.digest().isBlank()) {
            facts.put("digest", PullPanel.shortDigest(model.digest()));
        }
        GridPane grid = new GridPane();
        grid.setId("model-facts");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            Label key = new Label(capitalise(fact.getKey()));
            key.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(fact.getValue());
            value.setId("model-fact-" + fact.getKey().replace(' ', '-'));
            grid.addRow(row++, key, value);
        }
        body.getChildren().add(grid);

        FlowPane capabilities = new FlowPane(6, 6);
        capabilities.setId("model-capabilities");
        if (details.capabilities().isEmpty()) {
            capabilities.getChildren().add(Labels.wrapped("This server did not report capabilities (older Ollama "
                    + "versions do not).", Styles.TEXT_MUTED));
        }
        for (String capability : details.capabilities()) {
            Label badge = new Label(capability);
            badge.getStyleClass().addAll("badge", "badge-capability");
            capabilities.getChildren().add(badge);
        }
        body.getChildren().add(section("Capabilities", capabilities));

        body.getChildren().add(section("Prompt template", code("model-template", details.template(),
                "No template: the model takes the prompt as it is.")));
        body.getChildren().add(section("Parameters", code("model-parameters", details.parameters(),
                "No parameters beyond Ollama's defaults.")));
        if (!details.system().isBlank()) {
            body.getChildren().add(section("System prompt", code("model-system", details.system(), "")));
        }
        if (!details.license().isBlank()) {
            String firstLine = details.license().strip().lines().findFirst().orElse("");
            Label license = Labels.wrapped(firstLine, Styles.TEXT_MUTED);
            license.setId("model-license");
            body.getChildren().add(section("Licence", license));
        }
    }

    private static Label heading(String name) {
        Label heading = Labels.wrapped(name, Styles.TITLE_4);
        heading.setId("model-details-name");
        return heading;
    }

    private static Node code(String id, String text, String whenEmpty) {
        if (text == null || text.isBlank()) {
            Label none = Labels.wrapped(whenEmpty, Styles.TEXT_MUTED);
            none.setId(id);
            return none;
        }
        TextArea area = new TextArea(text.strip());
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("code-text");
        area.setPrefRowCount((int) Math.min(10, Math.max(2, text.strip().lines().count() + 1)));
        return area;
    }

    private static VBox section(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(6, label, content);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
