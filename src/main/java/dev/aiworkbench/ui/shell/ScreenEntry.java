package dev.aiworkbench.ui.shell;

import dev.aiworkbench.ui.help.HelpLine;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Function;

/**
 * One screen in the navigation: everything the shell, its shortcuts and the help card know about it.
 *
 * @param id       names the navigation button ({@code nav-<id>}) and the screen when others link to it
 * @param needsPack the screen is offered only when a curriculum pack could be read
 * @param help     the screen's own shortcuts, listed on the help card after the one that opens it
 * @param factory  makes the screen the first time it is opened, picking the services it uses
 */
public record ScreenEntry(String id, String title, Feather icon, KeyCombination shortcut, boolean needsPack,
                          List<HelpLine> help, Function<ScreenContext, BuiltScreen> factory) {

    public ScreenEntry {
        help = List.copyOf(help);
    }

    public HelpLine openLine() {
        return new HelpLine(shortcut.getDisplayText(), "Open " + title);
    }
}
