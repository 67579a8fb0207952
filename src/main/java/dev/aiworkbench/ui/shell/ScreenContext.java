package dev.aiworkbench.ui.shell;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.ui.common.LinkOpener;
import dev.aiworkbench.ui.common.ThemeChoice;
import dev.aiworkbench.ui.settings.PackSwitch;
import javafx.beans.value.ObservableValue;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a screen's factory may draw on: the open workbench (read only by {@link ScreenRegistry}, which picks each
 * screen's services from it), the shared models, and the shell's links, navigation and theme.
 */
public final class ScreenContext {
    private final Workbench workbench;
    private final SessionModels models;
    private final LinkOpener links;
    private final Navigator navigator;
    private final ObservableValue<ThemeChoice> theme;
    private final Consumer<ThemeChoice> applyTheme;
    private final Optional<PackSwitch> packSwitch;

    /** @param packSwitch how the app walks a newly active pack at once; empty when it walks a --pack one */
    ScreenContext(Workbench workbench, SessionModels models, LinkOpener links, Navigator navigator,
                  ObservableValue<ThemeChoice> theme, Consumer<ThemeChoice> applyTheme,
                  Optional<PackSwitch> packSwitch) {
        this.workbench = workbench;
        this.models = models;
        this.links = links;
        this.navigator = navigator;
        this.theme = theme;
        this.applyTheme = applyTheme;
        this.packSwitch = packSwitch;
    }

    Workbench workbench() {
        return workbench;
    }

    SessionModels models() {
        return models;
    }

    LinkOpener links() {
        return links;
    }

    Navigator navigator() {
        return navigator;
    }

    ObservableValue<ThemeChoice> theme() {
        return theme;
    }

    Consumer<ThemeChoice> applyTheme() {
        return applyTheme;
    }

    Optional<PackSwitch> packSwitch() {
        return packSwitch;
    }
}
