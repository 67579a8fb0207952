package dev.aiworkbench.ui.settings;

import dev.aiworkbench.app.AppInfo;
import dev.aiworkbench.app.DataFolder;
import dev.aiworkbench.curriculum.InstalledPack;
import dev.aiworkbench.progress.PlanSettings;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.progress.Schedule;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.session.ProgressModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.time.LocalDate;
import java.util.function.Consumer;

/** The theme, the plan (start date, weekly hours and the finish they give) and where the data lives. */
public final class SettingsViewModel {
    static final String PLAN_REFUSED = "Choose a start date and between 1 and 60 hours a week.";

    private final ProgressModel progress;
    private final DataFolder folder;
    private final ObservableValue<ThemeChoice> theme;
    private final Consumer<ThemeChoice> applyTheme;
    private final ReadOnlyObjectWrapper<LocalDate> planStart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Double> planHours = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper plannedFinish = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper planStatus = new ReadOnlyStringWrapper("");

    /**
     * @param theme      the theme the app shows now
     * @param applyTheme shows and remembers another theme
     */
    public SettingsViewModel(ProgressModel progress, DataFolder folder, ObservableValue<ThemeChoice> theme,
                             Consumer<ThemeChoice> applyTheme) {
        this.progress = progress;
        this.folder = folder;
        this.theme = theme;
        this.applyTheme = applyTheme;
        showPlan(progress.snapshot());
        progress.snapshotProperty().addListener((obs, was, now) -> showPlan(now));
    }

    ObservableValue<ThemeChoice> theme() {
        return theme;
    }

    void chooseTheme(ThemeChoice choice) {
        if (choice != null && choice != theme.getValue()) {
            applyTheme.accept(choice);
        }
    }

    /** The plan section is shown only when there is a pack to plan. */
    boolean hasPlan() {
        return progress.pack().isPresent();
    }

    ReadOnlyObjectProperty<LocalDate> planStartProperty() {
        return planStart.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Double> planHoursProperty() {
        return planHours.getReadOnlyProperty();
    }

    ReadOnlyStringProperty plannedFinishProperty() {
        return plannedFinish.getReadOnlyProperty();
    }

    /** "Saved" after a save, or the sentence that says what to choose. */
    ReadOnlyStringProperty planStatusProperty() {
        return planStatus.getReadOnlyProperty();
    }

    void savePlan(LocalDate start, Double hoursPerWeek) {
        if (start == null || hoursPerWeek == null || hoursPerWeek < 1 || hoursPerWeek > 60) {
            planStatus.set(PLAN_REFUSED);
            return;
        }
        progress.setPlan(new PlanSettings(start, hoursPerWeek));
        planStatus.set("Saved");
    }

    private void showPlan(ProgressSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        planStart.set(snapshot.plan().startDate());
        planHours.set(snapshot.plan().hoursPerWeek());
        progress.pack().ifPresent(pack -> plannedFinish.set(Schedule.of(pack, snapshot.plan()).plannedFinish().toString()));
    }

    DataFolder dataFolder() {
        return folder;
    }

    /** The installed pack in one line: its title, id and version, where it came from and how many problems. */
    String packDescription() {
        InstalledPack pack = progress.installedPack();
        return pack.pack().map(p -> p.info().title() + " (" + p.id() + " " + p.info().version() + ")")
                .orElse("none could be read") + " from " + pack.source()
                + (pack.result().problems().isEmpty() ? "" : ", " + pack.result().problems().size() + " problem(s)");
    }

    String version() {
        return AppInfo.NAME + " " + AppInfo.version();
    }
}
