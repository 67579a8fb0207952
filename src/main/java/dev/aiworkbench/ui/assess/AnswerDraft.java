package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.AnswerKey;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.curriculum.AssessmentItem;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/** The answer to the current item while it is being given: picked choices, text, rating and confidence. */
final class AnswerDraft {
    final ObservableList<Integer> picked = FXCollections.observableArrayList();
    /** 1 to 3, or 0 while none is chosen. */
    final ReadOnlyIntegerWrapper confidence = new ReadOnlyIntegerWrapper();
    /** A capability rating 1 to 5, or 0 while none is chosen. */
    final ReadOnlyIntegerWrapper level = new ReadOnlyIntegerWrapper();
    final StringProperty text = new SimpleStringProperty("");

    void clear() {
        picked.clear();
        confidence.set(0);
        level.set(0);
        text.set("");
    }

    /** Digit n: picks choice n (toggles it where many may be right) or rates a capability n; else nothing. */
    void digit(AssessmentItem item, int n) {
        switch (item.type()) {
            case SINGLE -> {
                if (n >= 1 && n <= item.choices().size()) {
                    picked.setAll(n - 1);
                }
            }
            case MULTIPLE -> {
                if (n >= 1 && n <= item.choices().size()) {
                    if (picked.contains(n - 1)) {
                        picked.remove(Integer.valueOf(n - 1));
                    } else {
                        picked.add(n - 1);
                    }
                }
            }
            case CAPABILITY -> {
                if (n >= AnswerKey.LOWEST_LEVEL && n <= AnswerKey.HIGHEST_LEVEL) {
                    level.set(n);
                }
            }
            case SHORT -> {
            }
        }
    }

    boolean hasText() {
        return text.get() != null && !text.get().isBlank();
    }

    /** What is still missing before the answer can be submitted, as the learner reads it; empty when nothing. */
    Optional<String> missing(AssessmentItem item) {
        boolean answered = switch (item.type()) {
            case SINGLE, MULTIPLE -> !picked.isEmpty();
            case SHORT -> hasText();
            case CAPABILITY -> level.get() > 0;
        };
        if (!answered) {
            return Optional.of(switch (item.type()) {
                case SINGLE -> "Pick a choice with its number key first.";
                case MULTIPLE -> "Pick the right choices with their number keys first (each key toggles one).";
                case SHORT -> "Write your answer first.";
                case CAPABILITY -> "Rate the statement with a key from 1 (not yet) to 5 (with confidence) first.";
            });
        }
        if (item.type().scored() && confidence.get() == 0) {
            return Optional.of("Say how sure you are: G a guess, F fairly sure, S sure.");
        }
        return Optional.empty();
    }

    Response response(AssessmentItem item) {
        return switch (item.type()) {
            case SINGLE, MULTIPLE -> new Response.Choices(List.copyOf(picked));
            case SHORT -> new Response.Text(text.get().strip());
            case CAPABILITY -> new Response.Level(level.get());
        };
    }

    /** The confidence to record: empty for a capability rating, which has none. */
    Optional<Integer> confidence(AssessmentItem item) {
        return item.type().scored() ? Optional.of(confidence.get()) : Optional.empty();
    }
}
