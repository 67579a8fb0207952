package dev.aiworkbench.curriculum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded curriculum pack: phases in order, weeks in order, and the work items a learner marks,
 * in the order the plan walks them (a week's tasks, then the milestone due that week).
 */
public final class Pack {
    private final PackInfo info;
    private final List<Phase> phases;
    private final List<Week> weeks;
    private final List<WorkItem> workItems;
    private final Map<String, WorkItem> workItemsById;
    private final Map<String, Week> weeksById;
    private final Map<Integer, Week> weeksByNumber;
    private final Map<String, LearningModule> modulesById;
    private final Map<String, Phase> phasesById;
    private final Map<String, Milestone> milestonesById;
    private final List<Assessment> assessments;
    private final Map<String, AssessmentItem> assessmentItemsById = new HashMap<>();
    private final Map<String, Assessment> assessmentsByItem = new HashMap<>();
    private final Map<String, String> replacements;

    public Pack(PackInfo info, List<Phase> phases, List<Week> weeks) {
        this(info, phases, weeks, List.of());
    }

    public Pack(PackInfo info, List<Phase> phases, List<Week> weeks, List<Assessment> assessments) {
        this(info, phases, weeks, assessments, Map.of());
    }

    /** @param replacements for each id an earlier version had, the id of the item that replaces it now */
    public Pack(PackInfo info, List<Phase> phases, List<Week> weeks, List<Assessment> assessments,
                Map<String, String> replacements) {
        this.info = info;
        this.replacements = Map.copyOf(replacements);
        this.assessments = List.copyOf(assessments);
        for (Assessment assessment : this.assessments) {
            for (AssessmentItem item : assessment.items()) {
                assessmentItemsById.putIfAbsent(item.id(), item);
                assessmentsByItem.putIfAbsent(item.id(), assessment);
            }
        }
        this.phases = List.copyOf(phases);
        this.weeks = List.copyOf(weeks);
        this.weeksById = new LinkedHashMap<>();
        this.weeksByNumber = new HashMap<>();
        this.modulesById = new LinkedHashMap<>();
        this.phasesById = new LinkedHashMap<>();
        this.milestonesById = new LinkedHashMap<>();
        for (Week week : this.weeks) {
            weeksById.put(week.id(), week);
            weeksByNumber.put(week.number(), week);
        }
        Map<Integer, List<Milestone>> milestonesByWeek = new HashMap<>();
        for (Phase phase : this.phases) {
            phasesById.put(phase.id(), phase);
            phase.modules().forEach(m -> modulesById.put(m.id(), m));
            if (phase.milestone() != null) {
                milestonesById.put(phase.milestone().id(), phase.milestone());
                milestonesByWeek.computeIfAbsent(phase.milestone().week(), w -> new ArrayList<>())
                        .add(phase.milestone());
            }
        }
        List<WorkItem> items = new ArrayList<>();
        for (Week week : this.weeks) {
            for (Task task : week.tasks()) {
                items.add(new WorkItem(task.id(), task.title(), WorkItem.Kind.TASK, week.number(),
                        task.plannedHours()));
            }
            for (Milestone milestone : milestonesByWeek.getOrDefault(week.number(), List.of())) {
                for (ChecklistItem check : milestone.checklist()) {
                    items.add(new WorkItem(check.id(), check.text(), WorkItem.Kind.MILESTONE_CHECK,
                            week.number(), 0));
                }
            }
        }
        this.workItems = Collections.unmodifiableList(items);
        this.workItemsById = new LinkedHashMap<>();
        items.forEach(i -> workItemsById.put(i.id(), i));
    }

    public PackInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    public List<Phase> phases() {
        return phases;
    }

    /** The {@code replaces:} lists: for each id an earlier version had, the id that replaces it in this one. */
    public Map<String, String> replacements() {
        return replacements;
    }

    public List<Week> weeks() {
        return weeks;
    }

    /** Every markable item, in plan order. */
    public List<WorkItem> workItems() {
        return workItems;
    }

    public Optional<WorkItem> workItem(String id) {
        return Optional.ofNullable(workItemsById.get(id));
    }

    public Optional<Week> week(String id) {
        return Optional.ofNullable(weeksById.get(id));
    }

    public Optional<Week> weekNumber(int number) {
        return Optional.ofNullable(weeksByNumber.get(number));
    }

    public Optional<LearningModule> module(String id) {
        return Optional.ofNullable(modulesById.get(id));
    }

    public Optional<Phase> phase(String id) {
        return Optional.ofNullable(phasesById.get(id));
    }

    public Optional<Milestone> milestone(String id) {
        return Optional.ofNullable(milestonesById.get(id));
    }

    public Optional<Phase> phaseOfWeek(int weekNumber) {
        return phases.stream().filter(p -> weekNumber >= p.firstWeek() && weekNumber <= p.lastWeek()).findFirst();
    }

    public List<Week> weeksOf(LearningModule module) {
        return weeks.stream().filter(w -> module.contains(w.number())).toList();
    }

    public List<Week> weeksOf(Phase phase) {
        return weeks.stream().filter(w -> w.number() >= phase.firstWeek() && w.number() <= phase.lastWeek()).toList();
    }

    /** Ids of the work items inside any item of the pack: itself for a task, all tasks for a week, and so on. */
    public List<String> workItemIdsUnder(String itemId) {
        if (workItemsById.containsKey(itemId)) {
            return List.of(itemId);
        }
        if (weeksById.containsKey(itemId)) {
            return weeksById.get(itemId).tasks().stream().map(Task::id).toList();
        }
        if (milestonesById.containsKey(itemId)) {
            return milestonesById.get(itemId).checklist().stream().map(ChecklistItem::id).toList();
        }
        if (modulesById.containsKey(itemId)) {
            return weeksOf(modulesById.get(itemId)).stream()
                    .flatMap(w -> w.tasks().stream()).map(Task::id).toList();
        }
        if (phasesById.containsKey(itemId)) {
            Phase phase = phasesById.get(itemId);
            List<String> ids = new ArrayList<>();
            weeksOf(phase).forEach(w -> w.tasks().forEach(t -> ids.add(t.id())));
            if (phase.milestone() != null) {
                phase.milestone().checklist().forEach(c -> ids.add(c.id()));
            }
            return ids;
        }
        return List.of();
    }

    /**
     * Every id in the pack (phases, modules, milestones, weeks and work items, each kind in plan order),
     * for suggestions.
     */
    public List<String> allIds() {
        List<String> ids = new ArrayList<>(phasesById.keySet());
        ids.addAll(modulesById.keySet());
        ids.addAll(milestonesById.keySet());
        ids.addAll(weeksById.keySet());
        ids.addAll(workItemsById.keySet());
        return ids;
    }

    /** The self-assessments, in the order of the milestones they prepare for. */
    public List<Assessment> assessments() {
        return assessments;
    }

    public Optional<Assessment> assessment(String id) {
        return assessments.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The assessment that prepares for the milestone, if the pack has one. */
    public Optional<Assessment> assessmentFor(String milestoneId) {
        return assessments.stream().filter(a -> a.milestoneId().equals(milestoneId)).findFirst();
    }

    /** The assessment an item belongs to. */
    public Optional<Assessment> assessmentOfItem(String itemId) {
        return Optional.ofNullable(assessmentsByItem.get(itemId));
    }

    public Optional<AssessmentItem> assessmentItem(String itemId) {
        return Optional.ofNullable(assessmentItemsById.get(itemId));
    }

    public double totalPlannedHours() {
        return weeks.stream().mapToDouble(Week::hours).sum();
    }
}
