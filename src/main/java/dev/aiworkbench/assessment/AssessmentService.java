package dev.aiworkbench.assessment;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.diagnostics.Suggestions;
import dev.aiworkbench.progress.ProgressSnapshot;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Self-assessment for the screens and the command line: taking and resuming attempts, grading, scores,
 * calibration, readiness per milestone and spaced review. Every change is one transaction; a refused answer
 * writes nothing.
 */
public final class AssessmentService {
    private final Database database;
    private final AssessmentStore store;
    private final Clock clock;
    private final LabChecks labChecks;
    private final ReviewSchedule schedule;

    /** @param labChecks the latest lab check results, read when readiness is asked for */
    public AssessmentService(Database database, Clock clock, LabChecks labChecks) {
        this.database = database;
        this.store = new AssessmentStore(database);
        this.clock = clock;
        this.labChecks = labChecks;
        this.schedule = new ReviewSchedule(Fsrs.standard(), clock.getZone());
    }

    /**
     * The pack's assessment of that id.
     *
     * @throws UnknownAssessmentException the pack has none of that id; the message lists what it has
     */
    public Assessment assessment(Pack pack, String id) {
        return pack.assessment(id).orElseThrow(() -> {
            List<String> ids = pack.assessments().stream().map(Assessment::id).toList();
            String hint = Suggestions.BY_EDITS.closest(ids, id).map(s -> " Did you mean '" + s + "'?").orElse("");
            return new UnknownAssessmentException(ids.isEmpty()
                    ? "The pack " + pack.id() + " has no assessments (assessments/*.yaml)."
                    : "The pack has no assessment '" + id + "'." + hint + " It has: " + String.join(", ", ids) + ".");
        });
    }

    /** The unfinished attempt at the assessment, or a new one: an interrupted quiz goes on where it stopped. */
    public Attempt resumeOrStart(Pack pack, String assessmentId) {
        assessment(pack, assessmentId);
        return database.inTransaction(c -> {
            Optional<Attempt> open = store.openAttempt(pack.id(), assessmentId);
            if (open.isPresent()) {
                return open.get();
            }
            long id = store.addAttempt(pack.id(), assessmentId, now(), Optional.empty());
            return store.attempt(pack.id(), id).orElseThrow();
        });
    }

    /**
     * Records one answer in an unfinished attempt, graded at once where the key can; the attempt finishes when
     * every item has an answer.
     *
     * @throws AnswerRefusedException the item or answer does not fit; nothing was recorded
     */
    public Attempt answer(Pack pack, long attemptId, String itemId, Response response, Optional<Integer> confidence,
                          long seconds) {
        Attempt attempt = attempt(pack, attemptId);
        if (attempt.finished()) {
            throw new AnswerRefusedException("Attempt " + attemptId + " is finished; start a new one to answer again.");
        }
        Assessment assessment = assessment(pack, attempt.assessmentId());
        AssessmentItem item = item(assessment, itemId);
        Answer answer = answerOf(item, response, confidence, Math.max(0, seconds));
        return database.inTransaction(c -> {
            store.putAnswer(attemptId, answer);
            Attempt updated = store.attempt(pack.id(), attemptId).orElseThrow();
            if (updated.nextItem(assessment).isEmpty()) {
                store.finish(attemptId, now());
                updated = store.attempt(pack.id(), attemptId).orElseThrow();
            }
            return updated;
        });
    }

    /**
     * Records a whole set of answers as one new, finished attempt. Every answer is checked first: one bad answer
     * refuses them all and nothing is recorded.
     *
     * @throws AnswerRefusedException an item id is unknown or given twice, or an answer does not fit its item
     */
    public Attempt answerAll(Pack pack, String assessmentId, List<GivenAnswer> given) {
        Assessment assessment = assessment(pack, assessmentId);
        List<Answer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GivenAnswer g : given) {
            if (!seen.add(g.itemId())) {
                throw new AnswerRefusedException("Item " + g.itemId() + " is answered twice; answer each item once.");
            }
            answers.add(answerOf(item(assessment, g.itemId()), g.response(), g.confidence(), 0));
        }
        return database.inTransaction(c -> {
            long id = store.addAttempt(pack.id(), assessmentId, now(), Optional.of(now()));
            for (Answer answer : answers) {
                store.putAnswer(id, answer);
            }
            return store.attempt(pack.id(), id).orElseThrow();
        });
    }

    /**
     * Grades a short answer (or changes any grade): by the learner, or by a model whose verdict is kept with it.
     *
     * @throws AnswerRefusedException the attempt has no answer to that item, or it is a capability rating
     */
    public Attempt grade(Pack pack, long attemptId, String itemId, boolean right, GradedBy by,
                         Optional<ModelGrade> model) {
        Attempt attempt = attempt(pack, attemptId);
        Answer answer = attempt.answer(itemId).orElseThrow(() -> new AnswerRefusedException(
                "Attempt " + attemptId + " has no answer to item " + itemId + " to grade."));
        if (answer.grade() == Grade.RATED) {
            throw new AnswerRefusedException("Item " + itemId + " is a capability rating; it is not graded.");
        }
        Optional<ModelGrade> kept = model.isPresent() ? model : answer.modelGrade();
        Answer graded = answer.graded(right ? Grade.RIGHT : Grade.WRONG, by, kept);
        return database.inTransaction(c -> {
            store.putAnswer(attemptId, graded);
            return store.attempt(pack.id(), attemptId).orElseThrow();
        });
    }

    /** Ends an attempt early; what was answered counts, the rest counts as unanswered. */
    public Attempt finish(Pack pack, long attemptId) {
        attempt(pack, attemptId);
        return database.inTransaction(c -> {
            store.finish(attemptId, now());
            return store.attempt(pack.id(), attemptId).orElseThrow();
        });
    }

    /** @throws AnswerRefusedException there is no such attempt in the pack */
    public Attempt attempt(Pack pack, long attemptId) {
        return database.inTransaction(c -> store.attempt(pack.id(), attemptId)).orElseThrow(() ->
                new AnswerRefusedException("There is no attempt " + attemptId + " in the pack " + pack.id() + "."));
    }

    /** Every attempt at the assessment, newest first. */
    public List<Attempt> attempts(Pack pack, String assessmentId) {
        return newestFirst(database.inTransaction(c -> store.attempts(pack.id())), assessmentId);
    }

    private static List<Attempt> newestFirst(List<Attempt> all, String assessmentId) {
        return all.stream().filter(a -> a.assessmentId().equals(assessmentId))
                .sorted(Comparator.comparingLong(Attempt::id).reversed()).toList();
    }

    /** The attempt readiness counts: the newest finished one, else the newest with any answer. */
    public Optional<Attempt> countedAttempt(Pack pack, String assessmentId) {
        return counted(attempts(pack, assessmentId));
    }

    private static Optional<Attempt> counted(List<Attempt> newestFirst) {
        return newestFirst.stream().filter(Attempt::finished).findFirst()
                .or(() -> newestFirst.stream().filter(a -> !a.answers().isEmpty()).findFirst());
    }

    public AttemptScore score(Pack pack, Attempt attempt) {
        return AttemptScorer.score(pack, assessment(pack, attempt.assessmentId()), attempt);
    }

    /** Calibration over every attempt at the pack's assessments. */
    public Calibration calibration(Pack pack) {
        List<Attempt> attempts = database.inTransaction(c -> store.attempts(pack.id()));
        return Calibration.of(attempts.stream().filter(a -> pack.assessment(a.assessmentId()).isPresent())
                .flatMap(a -> score(pack, a).byConfidence().stream()).toList());
    }

    /** Readiness for every milestone that has an assessment, in plan order; the attempts are read once for all. */
    public List<Readiness> readiness(Pack pack, ProgressSnapshot progress) {
        List<Attempt> all = database.inTransaction(c -> store.attempts(pack.id()));
        return pack.assessments().stream().filter(a -> pack.milestone(a.milestoneId()).isPresent())
                .map(a -> readiness(pack, a, counted(newestFirst(all, a.id())), progress)).toList();
    }

    public Readiness readiness(Pack pack, Assessment assessment, ProgressSnapshot progress) {
        return readiness(pack, assessment, countedAttempt(pack, assessment.id()), progress);
    }

    private Readiness readiness(Pack pack, Assessment assessment, Optional<Attempt> counted, ProgressSnapshot progress) {
        Optional<AttemptScore> quiz = counted.map(a -> AttemptScorer.score(pack, assessment, a));
        return ReadinessJudge.judge(pack, assessment, quiz, progress, labChecks);
    }

    /** Items whose review is due today or earlier, the most overdue (least likely recalled) first. */
    public List<DueItem> due(Pack pack) {
        LocalDate today = LocalDate.now(clock);
        return cards(pack).values().stream().filter(card -> !card.memory().due().isAfter(today))
                .flatMap(card -> pack.assessmentItem(card.itemId()).stream().map(item -> new DueItem(
                        pack.assessmentOfItem(item.id()).orElseThrow(), item, card,
                        schedule.retrievability(card, today))))
                .sorted(Comparator.comparingDouble(DueItem::retrievability)).toList();
    }

    /** Every item in review, by id, worked out from all graded quiz and review answers. */
    public Map<String, ReviewCard> cards(Pack pack) {
        return schedule.cards(retrievals(pack));
    }

    /**
     * Records a review answer and moves the item's schedule.
     *
     * @throws AnswerRefusedException the item is unknown, a capability statement, or the confidence is not 1–3
     */
    public ReviewCard review(Pack pack, String itemId, boolean correct, int confidence) {
        AssessmentItem item = pack.assessmentItem(itemId).orElseThrow(() ->
                new AnswerRefusedException("The pack has no assessment item '" + itemId + "'."));
        if (!item.type().scored()) {
            throw new AnswerRefusedException("Item " + itemId + " is a capability statement; it is not reviewed.");
        }
        if (confidence < 1 || confidence > 3) {
            throw new AnswerRefusedException("A confidence is 1 (a guess), 2 (fairly sure) or 3 (sure), not "
                    + confidence + ".");
        }
        database.inTransaction(c -> {
            store.addReviewAnswer(pack.id(), new Retrieval(itemId, correct, confidence, now()));
            return null;
        });
        return cards(pack).get(itemId);
    }

    private List<Retrieval> retrievals(Pack pack) {
        return database.inTransaction(c -> {
            Stream<Retrieval> quiz = store.attempts(pack.id()).stream().flatMap(a -> a.answers().values().stream())
                    .filter(a -> a.grade().decided() && a.confidence().isPresent())
                    .map(a -> new Retrieval(a.itemId(), a.grade() == Grade.RIGHT, a.confidence().get(), a.answeredAt()));
            return Stream.concat(quiz, store.reviewAnswers(pack.id()).stream()).toList();
        });
    }

    private static AssessmentItem item(Assessment assessment, String itemId) {
        return assessment.item(itemId).orElseThrow(() -> {
            String hint = Suggestions.BY_EDITS.closest(assessment.items().stream().map(AssessmentItem::id).toList(), itemId)
                    .map(s -> " Did you mean '" + s + "'?").orElse("");
            return new AnswerRefusedException("Assessment " + assessment.id() + " has no item '" + itemId + "'." + hint);
        });
    }

    private Answer answerOf(AssessmentItem item, Response response, Optional<Integer> confidence, long seconds) {
        Grade grade = AnswerKey.grade(item, response, confidence);
        GradedBy by = grade.decided() ? GradedBy.KEY : GradedBy.NONE;
        return new Answer(item.id(), response, item.type().scored() ? confidence : Optional.empty(), grade, by,
                Optional.empty(), now(), seconds);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
