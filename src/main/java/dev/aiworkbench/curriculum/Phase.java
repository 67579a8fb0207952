package dev.aiworkbench.curriculum;

import java.util.List;

public record Phase(String id, int number, String title, String summary,
                    List<LearningModule> modules, Milestone milestone) {

    public int firstWeek() {
        return modules.stream().mapToInt(LearningModule::firstWeek).min().orElse(0);
    }

    public int lastWeek() {
        return modules.stream().mapToInt(LearningModule::lastWeek).max().orElse(0);
    }
}
