package dev.aiworkbench.ui.assess;

import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What the overview shows: a card per assessment, how many items are due for review, and calibration so far. */
public record Overview(List<AssessmentCard> cards, int due, Calibration calibration) {

    /** Reads it all; blocking, so off the FX thread. */
    static Overview read(AssessmentService service, Pack pack) {
        List<AssessmentCard> cards = pack.assessments().stream().map(a -> card(service, pack, a)).toList();
        return new Overview(cards, service.due(pack).size(), service.calibration(pack));
    }

    private static AssessmentCard card(AssessmentService service, Pack pack, Assessment assessment) {
        List<Attempt> attempts = service.attempts(pack, assessment.id());
        Optional<Attempt> open = attempts.stream().filter(a -> !a.finished()).findFirst();
        Optional<Attempt> last = attempts.stream().filter(Attempt::finished).findFirst();
        String milestone = pack.milestone(assessment.milestoneId()).map(m -> "Week " + m.week() + " project: " + m.title())
                .orElse(assessment.milestoneId());
        return new AssessmentCard(assessment.id(), assessment.title(), milestone, assessment.items().size(),
                last.map(a -> service.score(pack, a)),
                open.map(a -> OptionalInt.of(a.answersIn(assessment).size())).orElse(OptionalInt.empty()));
    }
}
