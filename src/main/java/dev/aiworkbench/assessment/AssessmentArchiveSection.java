package dev.aiworkbench.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.progress.ArchiveJson;
import dev.aiworkbench.progress.ArchiveSection;
import dev.aiworkbench.progress.ImportRefusedException;
import dev.aiworkbench.store.Database;
import dev.aiworkbench.store.Timestamps;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Self-assessment's part of {@code progress export}/{@code import}: attempts with their answers, and reviews. */
public final class AssessmentArchiveSection implements ArchiveSection {

    private final AssessmentStore store;

    public AssessmentArchiveSection(Database database) {
        this.store = new AssessmentStore(database);
    }

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public JsonNode export(Pack pack) throws SQLException {
        List<AssessmentArchive.AttemptEntry> attempts = new ArrayList<>();
        for (Attempt attempt : store.attempts(pack.id())) {
            attempts.add(new AssessmentArchive.AttemptEntry(attempt.assessmentId(), Timestamps.format(attempt.startedAt()),
                    attempt.finishedAt().map(Timestamps::format).orElse(null),
                    attempt.answers().values().stream().map(AssessmentArchiveSection::entry).toList()));
        }
        List<AssessmentArchive.ReviewEntry> reviews = store.reviewAnswers(pack.id()).stream()
                .map(r -> new AssessmentArchive.ReviewEntry(r.itemId(), r.correct(), r.confidence(),
                        Timestamps.format(r.at()))).toList();
        return ArchiveJson.mapper().valueToTree(new AssessmentArchive(attempts, reviews));
    }

    private static AssessmentArchive.AnswerEntry entry(Answer a) {
        return new AssessmentArchive.AnswerEntry(a.itemId(), a.response().toJson(), a.confidence().orElse(null),
                a.grade().id(), a.gradedBy().id(),
                a.modelGrade().map(m -> new AssessmentArchive.JudgeEntry(m.model(), m.pass(), m.reason())).orElse(null),
                Timestamps.format(a.answeredAt()), a.seconds());
    }

    @Override
    public void check(Pack pack, JsonNode content) throws ImportRefusedException {
        AssessmentArchive archive = read(content);
        Set<String> unknown = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (AssessmentArchive.AttemptEntry attempt : archive.attempts()) {
            Optional<Assessment> assessment = pack.assessment(String.valueOf(attempt.assessment()));
            if (assessment.isEmpty()) {
                unknown.add(String.valueOf(attempt.assessment()));
                continue;
            }
            requireInstant(attempt.startedAt(), invalid);
            if (attempt.finishedAt() != null) {
                requireInstant(attempt.finishedAt(), invalid);
            }
            Set<String> answered = new LinkedHashSet<>();
            for (AssessmentArchive.AnswerEntry answer : attempt.answers() == null ? List.<AssessmentArchive.AnswerEntry>of()
                    : attempt.answers()) {
                Optional<AssessmentItem> item = assessment.get().item(String.valueOf(answer.item()));
                if (item.isEmpty()) {
                    unknown.add(String.valueOf(answer.item()));
                    continue;
                }
                if (!answered.add(answer.item())) {
                    invalid.add("item " + answer.item() + " is answered twice in one attempt");
                }
                try {
                    toAnswer(item.get(), answer);
                } catch (IllegalArgumentException | AnswerRefusedException | DateTimeException e) {
                    invalid.add(e.getMessage().replaceAll("\\.$", ""));
                }
            }
        }
        for (AssessmentArchive.ReviewEntry review : archive.reviews()) {
            Optional<AssessmentItem> item = pack.assessmentItem(String.valueOf(review.item()));
            if (item.isEmpty()) {
                unknown.add(String.valueOf(review.item()));
            } else if (review.confidence() < 1 || review.confidence() > 3 || !item.get().type().scored()) {
                invalid.add("review of " + review.item() + " has confidence " + review.confidence());
            }
            requireInstant(review.at(), invalid);
        }
        if (!unknown.isEmpty()) {
            throw new ImportRefusedException("This export's self-assessment mentions " + unknown.size()
                    + " assessment(s) or item(s) the installed pack does not have: "
                    + String.join(", ", unknown.stream().limit(10).toList()) + ". Nothing was imported.");
        }
        if (!invalid.isEmpty()) {
            throw new ImportRefusedException("This export's self-assessment has invalid entries: "
                    + String.join("; ", invalid.stream().distinct().limit(10).toList()) + ". Nothing was imported.");
        }
    }

    @Override
    public boolean hasAny(Pack pack) throws SQLException {
        return store.hasAny(pack.id());
    }

    @Override
    public void replace(Pack pack, JsonNode content) throws SQLException {
        AssessmentArchive archive = readChecked(content);
        store.deleteAll(pack.id());
        for (AssessmentArchive.AttemptEntry attempt : archive.attempts()) {
            Assessment assessment = pack.assessment(attempt.assessment()).orElseThrow();
            long id = store.addAttempt(pack.id(), attempt.assessment(), Instant.parse(attempt.startedAt()),
                    Optional.ofNullable(attempt.finishedAt()).map(Instant::parse));
            for (AssessmentArchive.AnswerEntry answer : attempt.answers()) {
                store.putAnswer(id, toAnswer(assessment.item(answer.item()).orElseThrow(), answer));
            }
        }
        for (AssessmentArchive.ReviewEntry review : archive.reviews()) {
            store.addReviewAnswer(pack.id(), new Retrieval(review.item(), review.correct(), review.confidence(),
                    Instant.parse(review.at())));
        }
    }

    /** The answer an entry stands for; its response and confidence must fit the item as a new answer would. */
    private static Answer toAnswer(AssessmentItem item, AssessmentArchive.AnswerEntry entry) {
        Response response = Response.fromJson(entry.response());
        Optional<Integer> confidence = Optional.ofNullable(entry.confidence());
        AnswerKey.grade(item, response, confidence);
        Optional<ModelGrade> judge = Optional.ofNullable(entry.judge())
                .map(j -> new ModelGrade(j.model(), j.pass(), j.reason() == null ? "" : j.reason()));
        if (entry.seconds() < 0) {
            throw new IllegalArgumentException("item " + entry.item() + " has negative seconds");
        }
        return new Answer(item.id(), response, item.type().scored() ? confidence : Optional.empty(),
                Grade.fromId(entry.grade()), GradedBy.fromId(entry.gradedBy()), judge,
                Instant.parse(entry.answeredAt()), entry.seconds());
    }

    private static AssessmentArchive read(JsonNode content) throws ImportRefusedException {
        if (content == null || content.isMissingNode()) {
            return new AssessmentArchive(List.of(), List.of());
        }
        try {
            AssessmentArchive archive = ArchiveJson.mapper().treeToValue(content, AssessmentArchive.class);
            if (archive.attempts() == null || archive.reviews() == null) {
                throw new ImportRefusedException("This export's self-assessment section is incomplete: attempts and "
                        + "reviews must both be present.");
            }
            return archive;
        } catch (JsonProcessingException e) {
            throw new ImportRefusedException("This export's self-assessment section is not readable: "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable JSON") + ".");
        }
    }

    private static AssessmentArchive readChecked(JsonNode content) {
        try {
            return read(content);
        } catch (ImportRefusedException e) {
            throw new IllegalStateException("the section was checked before it was written", e);
        }
    }

    private static void requireInstant(String text, List<String> invalid) {
        try {
            Instant.parse(text);
        } catch (DateTimeException | NullPointerException e) {
            invalid.add("'" + text + "' is not a UTC timestamp");
        }
    }
}
