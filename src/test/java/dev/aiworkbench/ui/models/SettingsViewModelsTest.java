package dev.aiworkbench.ui.models;

import dev.aiworkbench.llm.OllamaEndpoint;
import dev.aiworkbench.llm.ServerStatus;
import dev.aiworkbench.prompts.PriceRow;
import dev.aiworkbench.prompts.PriceTable;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.testing.ImmediateTaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The view models behind the Settings sections this package provides: the Ollama address and the price table. */
class SettingsViewModelsTest {
    @TempDir
    Path data;

    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_bad_address_is_a_sentence_and_a_good_one_is_saved_used_and_checked() {
        AtomicReference<Optional<String>> saved = new AtomicReference<>(Optional.empty());
        OllamaAddress address = new OllamaAddress(() -> OllamaEndpoint.resolve(Optional.empty(), saved.get(), Map.of()),
                saved::get, saved::set);
        SimpleObjectProperty<ServerStatus> server = new SimpleObjectProperty<>();
        AtomicInteger checks = new AtomicInteger();
        ServerAddressViewModel model = new ServerAddressViewModel(address, server, checks::incrementAndGet, tasks);
        assertThat(model.serverStateProperty().get()).isEqualTo("Checking…");
        model.load();
        assertThat(model.sourceProperty().get()).endsWith("the default (OLLAMA_HOST is not set)");
        int started = tasks.started();

        model.urlProperty().set("ftp://models.example");
        assertThat(model.save()).isFalse();

        assertThat(model.messageProperty().get()).startsWith("'ftp://models.example' is not an address")
                .contains("127.0.0.1:11434");
        assertThat(model.messageIsProblemProperty().get()).isTrue();
        assertThat(tasks.started()).isEqualTo(started);
        assertThat(saved.get()).isEmpty();
        model.urlProperty().set("gpu-box:11434");
        assertThat(model.messageProperty().get()).isEmpty();

        assertThat(model.save()).isTrue();
        assertThat(saved.get()).contains("gpu-box:11434");
        assertThat(model.sourceProperty().get()).startsWith("http://gpu-box:11434").endsWith("from Settings");
        assertThat(model.messageProperty().get()).startsWith("Saved. Checking the server");
        assertThat(checks.get()).isEqualTo(1);
        server.set(ServerStatus.reachable(URI.create("http://gpu-box:11434"), "0.32.15", Instant.now()));
        assertThat(model.serverStateProperty().get()).isEqualTo("Answering at http://gpu-box:11434 (Ollama 0.32.15).");

        model.reset();
        assertThat(saved.get()).isEmpty();
        assertThat(model.urlProperty().get()).isEmpty();
        assertThat(model.sourceProperty().get()).endsWith("the default (OLLAMA_HOST is not set)");
        assertThat(checks.get()).isEqualTo(2);
    }

    private PriceTableViewModel prices() {
        database = Database.open(data.resolve("workbench.db"));
        PriceTableViewModel model = new PriceTableViewModel(new PriceTable(database), tasks);
        model.load();
        return model;
    }

    private static PriceRow row(PriceTableViewModel model, String name) {
        return model.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_price_edit_is_saved_and_a_refused_one_is_put_back() {
        PriceTableViewModel model = prices();
        assertThat(model.rows()).hasSize(11);
        PriceRow mini = row(model, "OpenAI GPT-4o mini");

        model.change(mini, r -> new PriceRow(r.name(), 0.2, r.outputUsdPerMillion(), r.note(), r.local()));

        assertThat(model.statusProperty().get()).isEqualTo("Saved OpenAI GPT-4o mini.");
        assertThat(new PriceTable(database).row("OpenAI GPT-4o mini").inputUsdPerMillion()).isEqualTo(0.2);

        PriceRow edited = row(model, "OpenAI GPT-4o mini");
        model.change(edited, r -> new PriceRow("OpenAI GPT-4o", r.inputUsdPerMillion(), r.outputUsdPerMillion(),
                r.note(), r.local()));

        assertThat(model.statusProperty().get()).endsWith("The row is as it was.");
        assertThat(model.statusIsProblemProperty().get()).isTrue();
        assertThat(model.rows()).extracting(PriceRow::name).contains("OpenAI GPT-4o mini");
    }

    @Test
    void the_local_row_stays_a_hosted_one_goes_and_an_added_one_is_named_next() {
        PriceTableViewModel model = prices();
        int started = tasks.started();

        model.remove(row(model, PriceTable.LOCAL));
        assertThat(model.statusProperty().get()).contains("is the local row and stays");
        model.remove(null);
        assertThat(model.statusProperty().get()).isEqualTo("Select the row to remove first.");
        assertThat(tasks.started()).isEqualTo(started);

        model.remove(row(model, "OpenAI GPT-4o"));
        assertThat(model.statusProperty().get()).isEqualTo("Removed OpenAI GPT-4o.");
        assertThat(new PriceTable(database).rows()).extracting(PriceRow::name).doesNotContain("OpenAI GPT-4o");

        model.add();
        assertThat(model.addedProperty().get().name()).isEqualTo("New price point");
        assertThat(model.rows()).last().isEqualTo(model.addedProperty().get());
        model.add();
        assertThat(model.addedProperty().get().name()).isEqualTo("New price point 2");
    }
}
