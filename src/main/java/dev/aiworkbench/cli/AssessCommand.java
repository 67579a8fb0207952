package dev.aiworkbench.cli;

import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.assessment.AnswerRefusedException;
import dev.aiworkbench.assessment.AssessmentService;
import dev.aiworkbench.assessment.Attempt;
import dev.aiworkbench.assessment.AttemptScore;
import dev.aiworkbench.assessment.Calibration;
import dev.aiworkbench.assessment.DueItem;
import dev.aiworkbench.assessment.GivenAnswer;
import dev.aiworkbench.assessment.GradedBy;
import dev.aiworkbench.assessment.ModelGrade;
import dev.aiworkbench.assessment.Readiness;
import dev.aiworkbench.assessment.Response;
import dev.aiworkbench.assessment.UnknownAssessmentException;
import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.Pack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "assess", description = "Self-assessment before each milestone project: quizzes with confidence-based "
        + "marking, readiness, calibration and spaced review.",
        subcommands = {AssessCommand.ListAssessments.class, AssessCommand.Take.class, AssessCommand.Report.class,
                AssessCommand.Review.class})
final class AssessCommand {
    private AssessCommand() {
    }

    /** The assessment, or a usage error naming the ones there are. */
    static Assessment assessment(AssessmentService service, Pack pack, String id) {
        try {
            return service.assessment(pack, id);
        } catch (UnknownAssessmentException e) {
            throw new CommandFailure(e.getMessage(), Cli.USAGE);
        }
    }

    /** Options for grading short answers with a local model. */
    static final class ModelOptions {
        @Option(names = "--grade-with-model", description = "Have a local model grade short answers against their "
                + "rubric (you may overrule it when asked). Without a model server they are left to you.")
        boolean gradeWithModel;

        @Option(names = "--model", paramLabel = "<name>", description = "The model that grades (default: the "
                + "server's first); implies --grade-with-model.")
        String model;

        /** The model grading, if asked for; notes on stderr when none answers. */
        Optional<ModelGrading> grading(Workbench workbench, String otherwise, PrintWriter err) {
            if (!gradeWithModel && model == null) {
                return Optional.empty();
            }
            return Optional.of(ModelGrading.pick(workbench.shortAnswerJudge(), Optional.ofNullable(model),
                    workbench.ollamaEndpoint().baseUri().toString(), otherwise, err));
        }
    }

    @Command(name = "list", description = "The pack's assessments, with their milestone and number of items.")
    static final class ListAssessments extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print them as JSON: [{id, title, milestone, items}].")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                if (json) {
                    out().println(Json.write(AssessJson.list(pack)));
                } else {
                    AssessText.list(pack, out());
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "take", description = "Take an assessment on the terminal (an unfinished attempt goes on where it "
            + "stopped), or grade an answers file at once with --answers.")
    static final class Take extends Verb implements Callable<Integer> {
        @Parameters(paramLabel = "<assessment>", description = "The assessment's id (see `workbench assess list`).")
        String id;

        @Option(names = "--answers", paramLabel = "<file.json>", description = "Grade these answers without asking, "
                + "as a new attempt: " + AnswersFile.FORM + ". Short answers wait for a grade unless "
                + "--grade-with-model.")
        Path answers;

        @Mixin
        ModelOptions models = new ModelOptions();

        @Option(names = "--json", description = "Print the result as JSON (during a quiz on the terminal, the "
                + "questions go to stderr).")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                AssessmentService service = workbench.assessments();
                Assessment assessment = assessment(service, pack, id);
                Attempt attempt = answers == null
                        ? interactive(workbench, pack, assessment)
                        : fromFile(workbench, pack, assessment);
                AttemptScore score = service.score(pack, attempt);
                if (json) {
                    out().println(Json.write(AssessJson.score(score)));
                } else {
                    AssessText.score(score, assessment, attempt.finished(), out());
                }
                return Cli.OK;
            }
        }

        private Attempt interactive(Workbench workbench, Pack pack, Assessment assessment) {
            PrintWriter dialogue = json ? err() : out();
            TerminalInput input = new TerminalInput(input(), dialogue);
            Optional<ModelGrading> grading = models.grading(workbench, "you grade short answers yourself", err());
            return new TerminalQuiz(workbench.assessments(), pack, input, clock(), grading).take(assessment);
        }

        private Attempt fromFile(Workbench workbench, Pack pack, Assessment assessment) {
            AssessmentService service = workbench.assessments();
            List<GivenAnswer> given = AnswersFile.read(answers, assessment);
            Attempt attempt;
            try {
                attempt = service.answerAll(pack, assessment.id(), given);
            } catch (AnswerRefusedException e) {
                throw new CommandFailure(e.getMessage() + " Nothing was recorded.", Cli.USAGE);
            }
            List<String> pending = service.score(pack, attempt).pending();
            if (pending.isEmpty()) {
                return attempt;
            }
            Optional<ModelGrading> grading = models.grading(workbench, pending.size()
                    + " short answer(s) stay pending", err());
            if (grading.isEmpty()) {
                return attempt;
            }
            for (String itemId : pending) {
                String text = ((Response.Text) attempt.answer(itemId).orElseThrow().response()).text();
                Optional<ModelGrade> grade = grading.get().grade(assessment.item(itemId).orElseThrow(), text);
                if (grade.isPresent()) {
                    attempt = service.grade(pack, attempt.id(), itemId, grade.get().pass(), GradedBy.MODEL, grade);
                }
            }
            return attempt;
        }
    }

    @Command(name = "report", description = "Readiness for each milestone (quiz, lab checks, checklist) and how well "
            + "your confidence matched your results over all attempts.")
    static final class Report extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "Print it as JSON: {milestones: [...], calibration: {...}}.")
        boolean json;

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                AssessmentService service = workbench.assessments();
                List<Readiness> readiness = service.readiness(pack, workbench.progress().snapshot(pack));
                Calibration calibration = service.calibration(pack);
                if (json) {
                    out().println(Json.write(AssessJson.report(readiness, calibration)));
                } else {
                    AssessText.report(readiness, calibration, out());
                }
                return Cli.OK;
            }
        }
    }

    @Command(name = "review", description = "Review the items due today (missed or unsure ones come back on a spaced "
            + "schedule), or list them with --json.")
    static final class Review extends Verb implements Callable<Integer> {
        @Option(names = "--json", description = "List the due items as JSON instead of reviewing them.")
        boolean json;

        @Mixin
        ModelOptions models = new ModelOptions();

        @Override
        public Integer call() {
            try (Workbench workbench = openWorkbench()) {
                Pack pack = pack(workbench);
                AssessmentService service = workbench.assessments();
                List<DueItem> due = service.due(pack);
                if (json) {
                    out().println(Json.write(AssessJson.due(due)));
                    return Cli.OK;
                }
                Optional<ModelGrading> grading = due.isEmpty() ? Optional.empty()
                        : models.grading(workbench, "you grade short answers yourself", err());
                new TerminalQuiz(service, pack, new TerminalInput(input(), out()), clock(), grading).review(due);
                return Cli.OK;
            }
        }
    }
}
