package dev.aiworkbench.curriculum;

/** A block of consecutive weeks (four in the default pack) inside a phase. */
public record LearningModule(String id, String phaseId, String title, String summary,
                             int firstWeek, int lastWeek) {

    public boolean contains(int weekNumber) {
        return weekNumber >= firstWeek && weekNumber <= lastWeek;
    }
}
