package dev.aiworkbench.curriculum;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pack's records as plain binary fields, for {@link PackCache}. Hand-written rather than Jackson or Java
 * serialisation because read cold in a fresh JVM it needs only java.io (bench/README.md, "Round 3", has the
 * figures), and the records hold {@link Optional} fields neither library takes as they are. A change to any
 * record's fields changes {@link #FORMAT}, so a file of the old shape is never read as the new one.
 */
final class PackCodec {
    static final int FORMAT = 1;

    private PackCodec() {
    }

    static byte[] encode(Pack pack) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new Writer(out).pack(pack);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail to be written", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IOException when the bytes are not a whole pack (cut short, damaged); unknown enum names and
     *                     impossible lengths are reported the same way
     */
    static Pack decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
        try {
            Pack pack = new Reader(in, body.length).pack();
            if (in.read() != -1) {
                throw new IOException("bytes left after the pack");
            }
            return pack;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("not a pack: " + e.getMessage(), e);
        }
    }

    private record Writer(DataOutputStream out) {
        void pack(Pack pack) throws IOException {
            PackInfo info = pack.info();
            text(info.id());
            text(info.title());
            text(info.version());
            texts(info.authors());
            text(info.license());
            text(info.description());
            text(info.requires());
            out.writeInt(pack.phases().size());
            for (Phase phase : pack.phases()) {
                phase(phase);
            }
            out.writeInt(pack.weeks().size());
            for (Week week : pack.weeks()) {
                week(week);
            }
            out.writeInt(pack.assessments().size());
            for (Assessment assessment : pack.assessments()) {
                assessment(assessment);
            }
            out.writeInt(pack.replacements().size());
            for (Map.Entry<String, String> replacement : pack.replacements().entrySet()) {
                text(replacement.getKey());
                text(replacement.getValue());
            }
        }

        private void phase(Phase phase) throws IOException {
            text(phase.id());
            out.writeInt(phase.number());
            text(phase.title());
            text(phase.summary());
            out.writeInt(phase.modules().size());
            for (LearningModule module : phase.modules()) {
                text(module.id());
                text(module.phaseId());
                text(module.title());
                text(module.summary());
                out.writeInt(module.firstWeek());
                out.writeInt(module.lastWeek());
            }
            Milestone milestone = phase.milestone();
            out.writeBoolean(milestone != null);
            if (milestone != null) {
                text(milestone.id());
                text(milestone.phaseId());
                text(milestone.title());
                text(milestone.summary());
                out.writeInt(milestone.week());
                out.writeInt(milestone.checklist().size());
                for (ChecklistItem item : milestone.checklist()) {
                    text(item.id());
                    text(item.milestoneId());
                    text(item.text());
                }
            }
        }

        private void week(Week week) throws IOException {
            text(week.id());
            out.writeInt(week.number());
            text(week.moduleId());
            text(week.title());
            out.writeDouble(week.hours());
            texts(week.goals());
            out.writeInt(week.tasks().size());
            for (Task task : week.tasks()) {
                text(task.id());
                text(task.weekId());
                text(task.kind().name());
                text(task.title());
                text(task.detail());
                out.writeDouble(task.plannedHours());
                optional(task.lab());
            }
            out.writeInt(week.resources().size());
            for (Resource resource : week.resources()) {
                text(resource.title());
                text(resource.url().toString());
            }
            texts(week.labs());
            text(week.guide());
            text(week.file());
        }

        private void assessment(Assessment assessment) throws IOException {
            text(assessment.id());
            text(assessment.title());
            text(assessment.milestoneId());
            text(assessment.description());
            levels(assessment.readiness().ready());
            levels(assessment.readiness().nearly());
            out.writeInt(assessment.items().size());
            for (AssessmentItem item : assessment.items()) {
                text(item.id());
                text(item.type().name());
                texts(item.weeks());
                text(item.prompt());
                out.writeInt(item.choices().size());
                for (Choice choice : item.choices()) {
                    text(choice.text());
                    out.writeBoolean(choice.correct());
                    text(choice.why());
                }
                text(item.answer());
                texts(item.rubric());
                texts(item.evidence());
                text(item.explanation());
                optional(item.source().map(URI::toString));
            }
            text(assessment.file());
        }

        private void levels(EvidenceLevels levels) throws IOException {
            out.writeDouble(levels.quiz());
            out.writeDouble(levels.labs());
            out.writeDouble(levels.checklist());
        }

        private void optional(Optional<String> value) throws IOException {
            out.writeBoolean(value.isPresent());
            if (value.isPresent()) {
                text(value.get());
            }
        }

        private void texts(List<String> values) throws IOException {
            out.writeInt(values.size());
            for (String value : values) {
                text(value);
            }
        }

        /** Length and UTF-8 bytes: writeUTF stops at 64 KB, which a week's guide may pass. */
        private void text(String value) throws IOException {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** @param size the body's length, which no count or text length in it can exceed */
    private record Reader(DataInputStream in, int size) {
        Pack pack() throws IOException {
            PackInfo info = new PackInfo(text(), text(), text(), texts(), text(), text(), text());
            int phaseCount = count();
            List<Phase> phases = new ArrayList<>(phaseCount);
            for (int i = 0; i < phaseCount; i++) {
                phases.add(phase());
            }
            int weekCount = count();
            List<Week> weeks = new ArrayList<>(weekCount);
            for (int i = 0; i < weekCount; i++) {
                weeks.add(week());
            }
            int assessmentCount = count();
            List<Assessment> assessments = new ArrayList<>(assessmentCount);
            for (int i = 0; i < assessmentCount; i++) {
                assessments.add(assessment());
            }
            int replacementCount = count();
            Map<String, String> replacements = new LinkedHashMap<>();
            for (int i = 0; i < replacementCount; i++) {
                replacements.put(text(), text());
            }
            return new Pack(info, phases, weeks, assessments, replacements);
        }

        private Phase phase() throws IOException {
            String id = text();
            int number = in.readInt();
            String title = text();
            String summary = text();
            int moduleCount = count();
            List<LearningModule> modules = new ArrayList<>(moduleCount);
            for (int i = 0; i < moduleCount; i++) {
                modules.add(new LearningModule(text(), text(), text(), text(), in.readInt(), in.readInt()));
            }
            Milestone milestone = null;
            if (in.readBoolean()) {
                String milestoneId = text();
                String phaseId = text();
                String milestoneTitle = text();
                String milestoneSummary = text();
                int week = in.readInt();
                int checkCount = count();
                List<ChecklistItem> checklist = new ArrayList<>(checkCount);
                for (int i = 0; i < checkCount; i++) {
                    checklist.add(new ChecklistItem(text(), text(), text()));
                }
                milestone = new Milestone(milestoneId, phaseId, milestoneTitle, milestoneSummary, week,
                        List.copyOf(checklist));
            }
            return new Phase(id, number, title, summary, List.copyOf(modules), milestone);
        }

        private Week week() throws IOException {
            String id = text();
            int number = in.readInt();
            String moduleId = text();
            String title = text();
            double hours = in.readDouble();
            List<String> goals = texts();
            int taskCount = count();
            List<Task> tasks = new ArrayList<>(taskCount);
            for (int i = 0; i < taskCount; i++) {
                tasks.add(new Task(text(), text(), TaskKind.valueOf(text()), text(), text(), in.readDouble(),
                        optional()));
            }
            int resourceCount = count();
            List<Resource> resources = new ArrayList<>(resourceCount);
            for (int i = 0; i < resourceCount; i++) {
                resources.add(new Resource(text(), URI.create(text())));
            }
            return new Week(id, number, moduleId, title, hours, goals, List.copyOf(tasks), List.copyOf(resources),
                    texts(), text(), text());
        }

        private Assessment assessment() throws IOException {
            String id = text();
            String title = text();
            String milestoneId = text();
            String description = text();
            ReadinessThresholds readiness = new ReadinessThresholds(levels(), levels());
            int itemCount = count();
            List<AssessmentItem> items = new ArrayList<>(itemCount);
            for (int i = 0; i < itemCount; i++) {
                items.add(item());
            }
            return new Assessment(id, title, milestoneId, description, readiness, List.copyOf(items), text());
        }

        private AssessmentItem item() throws IOException {
            String id = text();
            ItemType type = ItemType.valueOf(text());
            List<String> weeks = texts();
            String prompt = text();
            int choiceCount = count();
            List<Choice> choices = new ArrayList<>(choiceCount);
            for (int i = 0; i < choiceCount; i++) {
                choices.add(new Choice(text(), in.readBoolean(), text()));
            }
            return new AssessmentItem(id, type, weeks, prompt, List.copyOf(choices), text(), texts(), texts(), text(),
                    optional().map(URI::create));
        }

        private EvidenceLevels levels() throws IOException {
            return new EvidenceLevels(in.readDouble(), in.readDouble(), in.readDouble());
        }

        private Optional<String> optional() throws IOException {
            return in.readBoolean() ? Optional.of(text()) : Optional.empty();
        }

        private List<String> texts() throws IOException {
            int count = count();
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(text());
            }
            return List.copyOf(values);
        }

        private String text() throws IOException {
            byte[] bytes = new byte[count()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** A count or length, which a damaged file could make negative or larger than the file. */
        private int count() throws IOException {
            int count = in.readInt();
            if (count < 0 || count > size) {
                throw new IOException("impossible length " + count);
            }
            return count;
        }
    }
}
