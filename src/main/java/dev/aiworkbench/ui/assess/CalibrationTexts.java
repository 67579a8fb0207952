package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.Calibration;

/** Calibration verdicts in words. */
final class CalibrationTexts {
    private CalibrationTexts() {
    }

    /** "well calibrated over 24 graded answers", or that there are too few to say. */
    static String verdict(Calibration calibration) {
        String over = " over " + calibration.graded() + " graded " + (calibration.graded() == 1 ? "answer" : "answers");
        return switch (calibration.verdict()) {
            case TOO_FEW_ANSWERS -> "too few graded answers to judge (" + calibration.graded() + " of at least "
                    + Calibration.FEWEST + ")";
            case WELL_CALIBRATED -> "well calibrated" + over;
            case OVER_CONFIDENT -> "over-confident" + over;
            case UNDER_CONFIDENT -> "under-confident" + over;
            case MIXED -> "over-confident at some levels and under-confident at others" + over;
        };
    }
}
