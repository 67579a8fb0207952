package dev.aiworkbench.ui.settings;

import atlantafx.base.theme.Styles;
import dev.aiworkbench.llm.ProviderKind;
import dev.aiworkbench.ui.common.Labels;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The model providers: the list with each key by its last four characters, Test connection and Remove for the one
 * selected, and a row to add one (name, kind, base URL, key). The key field is a password field, emptied once the
 * provider is added, and disabled where no keychain is (the sentence beside it says why).
 */
public final class ProvidersSection extends VBox {

    public ProvidersSection(ProvidersViewModel model) {
        super(10);
        setId("providers");
        ListView<ProviderLine> list = new ListView<>(model.providers());
        list.setId("provider-list");
        list.setPrefHeight(130);
        list.setPlaceholder(new Label("Reading the providers…"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ProviderLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.text());
            }
        });
        Button test = new Button("Test connection", new FontIcon(Feather.ACTIVITY));
        test.setId("test-provider");
        test.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        test.setOnAction(e -> model.test(list.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove", new FontIcon(Feather.MINUS));
        remove.setId("remove-provider");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ProviderLine selected = list.getSelectionModel().getSelectedItem();
            return selected == null || !selected.removable() || model.busyProperty().get();
        }, list.getSelectionModel().selectedItemProperty(), model.busyProperty()));
        remove.setOnAction(e -> model.remove(list.getSelectionModel().getSelectedItem()));
        Label status = Labels.wrapped("", Styles.TEXT_MUTED);
        status.setId("provider-status");
        status.textProperty().bind(model.statusProperty());
        HBox actions = new HBox(12, test, remove, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label keychain = Labels.wrapped("", Styles.TEXT_MUTED);
        keychain.setId("keychain-status");
        keychain.textProperty().bind(model.keychainProperty());
        getChildren().addAll(list, actions, addRow(model), keychain);
        model.load();
    }

    private static HBox addRow(ProvidersViewModel model) {
        TextField name = new TextField();
        name.setId("provider-name");
        name.setPromptText("name, e.g. gpu-box");
        name.setPrefColumnCount(10);
        ComboBox<ProviderKind> kind = new ComboBox<>();
        kind.setId("provider-kind");
        kind.getItems().setAll(ProviderKind.values());
        kind.setValue(ProviderKind.OPENAI);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProviderKind value) {
                return value == null ? "" : value.label();
            }

            @Override
            public ProviderKind fromString(String text) {
                return ProviderKind.of(text).orElse(null);
            }
        });
        TextField baseUrl = new TextField();
        baseUrl.setId("provider-base-url");
        baseUrl.setPromptText("base URL (empty: the kind's default)");
        baseUrl.setPrefColumnCount(18);
        PasswordField key = new PasswordField();
        key.setId("provider-key");
        key.setPromptText("key (kept in the keychain)");
        key.setPrefColumnCount(12);
        key.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.keychainAvailableProperty().get()
                || kind.getValue() == null || !kind.getValue().takesKey(), model.keychainAvailableProperty(),
                kind.valueProperty()));
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("add-provider");
        add.disableProperty().bind(model.busyProperty());
        add.setOnAction(e -> {
            model.add(name.getText(), kind.getValue(), baseUrl.getText(), key.getText());
            key.clear();
        });
        HBox row = new HBox(8, name, kind, baseUrl, key, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
