package dev.aiworkbench.ui.settings;

import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.testing.MutableClock;
import dev.aiworkbench.testing.WorkbenchFixture;
import dev.aiworkbench.ui.common.ThemeChoice;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path data;

    private final MutableClock clock = MutableClock.utc("2026-03-02T09:00");
    private final SimpleObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.LIGHT);
    private final List<ThemeChoice> applied = new ArrayList<>();
    private WorkbenchFixture fixture;
    private SettingsViewModel model;

    @BeforeEach
    void open() throws Exception {
        fixture = WorkbenchFixture.open(data, clock);
        model = new SettingsViewModel(fixture.progress(), fixture.workbench().dataFolder(), theme, applied::add);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void the_plan_shows_its_start_hours_and_planned_finish() {
        assertThat(model.hasPlan()).isTrue();
        assertThat(model.planStartProperty().get()).isEqualTo(TODAY);
        assertThat(model.planHoursProperty().get()).isEqualTo(PlanSettings.DEFAULT_HOURS_PER_WEEK);
        assertThat(LocalDate.parse(model.plannedFinishProperty().get())).isAfter(TODAY);
        assertThat(model.planStatusProperty().get()).isEmpty();
    }

    @Test
    void a_saved_plan_is_written_and_fewer_hours_stretch_the_finish() {
        LocalDate before = LocalDate.parse(model.plannedFinishProperty().get());

        model.savePlan(TODAY.plusWeeks(1), 6.0);

        assertThat(model.planStatusProperty().get()).isEqualTo("Saved");
        assertThat(model.planStartProperty().get()).isEqualTo(TODAY.plusWeeks(1));
        assertThat(model.planHoursProperty().get()).isEqualTo(6.0);
        assertThat(LocalDate.parse(model.plannedFinishProperty().get())).isAfter(before.plusWeeks(1));
        assertThat(fixture.workbench().progress().plan(fixture.pack())).isEqualTo(new PlanSettings(TODAY.plusWeeks(1), 6.0));
    }

    @Test
    void a_plan_without_a_date_or_with_hours_out_of_range_is_refused_and_nothing_is_written() {
        model.savePlan(null, 12.0);
        assertThat(model.planStatusProperty().get()).isEqualTo(SettingsViewModel.PLAN_REFUSED);
        model.savePlan(TODAY, null);
        assertThat(model.planStatusProperty().get()).isEqualTo(SettingsViewModel.PLAN_REFUSED);
        model.savePlan(TODAY, 61.0);
        assertThat(model.planStatusProperty().get()).isEqualTo(SettingsViewModel.PLAN_REFUSED);
        model.savePlan(TODAY, 0.5);
        assertThat(model.planStatusProperty().get()).isEqualTo(SettingsViewModel.PLAN_REFUSED);

        assertThat(fixture.tasks().started()).isZero();
    }

    @Test
    void a_theme_is_applied_only_when_it_differs_from_the_one_shown() {
        model.chooseTheme(ThemeChoice.LIGHT);
        model.chooseTheme(null);
        model.chooseTheme(ThemeChoice.NORD_DARK);

        assertThat(applied).containsExactly(ThemeChoice.NORD_DARK);
    }

    @Test
    void the_data_section_names_the_folder_and_the_pack() {
        assertThat(model.dataFolder().path()).isEqualTo(data);
        assertThat(model.packDescription()).contains("(" + fixture.pack().id() + " " + fixture.pack().info().version() + ")")
                .doesNotContain("problem");
    }
}
