package dev.aiworkbench.ui.common;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.Dracula;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The AtlantaFX themes the app offers; stored in settings by id. */
public enum ThemeChoice {
    LIGHT("light", "Primer Light", PrimerLight::new),
    DARK("dark", "Primer Dark", PrimerDark::new),
    NORD_LIGHT("nord-light", "Nord Light", NordLight::new),
    NORD_DARK("nord-dark", "Nord Dark", NordDark::new),
    CUPERTINO_LIGHT("cupertino-light", "Cupertino Light", CupertinoLight::new),
    CUPERTINO_DARK("cupertino-dark", "Cupertino Dark", CupertinoDark::new),
    DRACULA("dracula", "Dracula", Dracula::new);

    private final String id;
    private final String label;
    private final Supplier<Theme> theme;

    ThemeChoice(String id, String label, Supplier<Theme> theme) {
        this.id = id;
        this.label = label;
        this.theme = theme;
    }

    public String id() {
        return id;
    }

    public Theme theme() {
        return theme.get();
    }

    public boolean dark() {
        return theme.get().isDarkMode();
    }

    /** The light theme for a dark one and the other way round, for the quick toggle. */
    public ThemeChoice opposite() {
        return dark() ? LIGHT : DARK;
    }

    public static Optional<ThemeChoice> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
