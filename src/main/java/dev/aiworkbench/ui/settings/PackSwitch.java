package dev.aiworkbench.ui.settings;

import java.util.List;
import java.util.function.Supplier;

/**
 * How Settings puts a newly active pack to use at once: the app closes the screens and services over the pack it
 * walks and opens them again over the active one, in the same window.
 *
 * @param wouldStop what switching now would stop (a running lab, an eval run), each a short phrase; empty when
 *                  nothing runs
 * @param switchNow starts the switch and returns at once: the active pack is read off the FX thread, then the
 *                  screens are built again (this section with them)
 */
public record PackSwitch(Supplier<List<String>> wouldStop, Runnable switchNow) {
}
