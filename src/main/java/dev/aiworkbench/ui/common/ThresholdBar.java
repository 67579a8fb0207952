package dev.aiworkbench.ui.common;

import javafx.scene.layout.Region;

/**
 * A thin bar filled to a measured share, with a tick where the share it should reach sits, so the gap reads at a
 * glance. Colours come from style classes: the track {@code threshold-bar}, the fill {@code threshold-bar-fill}
 * (plus the class given for how far it got), the tick {@code threshold-bar-mark}.
 */
final class ThresholdBar extends Region {
    private static final double MARK_WIDTH = 2;
    private final Region fill = new Region();
    private final Region mark = new Region();
    private final double measured;
    private final double threshold;

    /** @param measured and threshold shares from 0 to 1 (outside that range they are clamped) */
    ThresholdBar(double measured, double threshold, String fillClass) {
        this.measured = clamp(measured);
        this.threshold = clamp(threshold);
        getStyleClass().add("threshold-bar");
        fill.getStyleClass().addAll("threshold-bar-fill", fillClass);
        mark.getStyleClass().add("threshold-bar-mark");
        getChildren().addAll(fill, mark);
        setPrefSize(160, 8);
        setMinSize(60, 8);
        setMaxHeight(8);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        fill.resizeRelocate(0, 0, width * measured, height);
        double x = Math.min(width - MARK_WIDTH, Math.max(0, width * threshold - MARK_WIDTH / 2));
        mark.resizeRelocate(x, -2, MARK_WIDTH, height + 4);
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
