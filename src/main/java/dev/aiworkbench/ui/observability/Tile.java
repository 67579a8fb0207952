package dev.aiworkbench.ui.observability;

/**
 * One figure at the top of the dashboard.
 *
 * @param id     names the tile's node ({@code tile-<id>})
 * @param detail a short line under the figure, e.g. "31 errors"
 */
public record Tile(String id, String label, String value, String detail) {
}
