package dev.aiworkbench.packs;

import dev.aiworkbench.curriculum.Assessment;
import dev.aiworkbench.curriculum.AssessmentItem;
import dev.aiworkbench.curriculum.ChecklistItem;
import dev.aiworkbench.curriculum.Milestone;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.Phase;
import dev.aiworkbench.curriculum.Task;
import dev.aiworkbench.curriculum.Week;
import dev.aiworkbench.packs.ChangeReport.Change;
import dev.aiworkbench.packs.ChangeReport.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Compares two versions of a pack, id by id. */
public final class PackChanges {
    private PackChanges() {
    }

    /**
     * @param labsBefore a digest of each lab folder the old version ships (labs the app ships have none)
     * @param labsAfter  the same for the new version
     */
    public static ChangeReport between(Pack before, Pack after, Map<String, String> labsBefore,
                                       Map<String, String> labsAfter) {
        Map<String, String> replacements = after.replacements();
        return new ChangeReport(before.info().version(), after.info().version(),
                compare(byId(before.weeks(), Week::id), byId(after.weeks(), Week::id), replacements,
                        w -> "Week " + w.number() + ": " + w.title(), PackChanges::weekDifferences),
                compare(byId(tasks(before), Task::id), byId(tasks(after), Task::id), replacements, Task::title,
                        PackChanges::taskDifferences),
                compare(byId(checklist(before), ChecklistItem::id), byId(checklist(after), ChecklistItem::id),
                        replacements, ChecklistItem::text, (a, b) -> a.text().equals(b.text()) ? List.of() : List.of("text")),
                labs(before, after, labsBefore, labsAfter),
                compare(byId(before.assessments(), Assessment::id), byId(after.assessments(), Assessment::id),
                        replacements, Assessment::title, PackChanges::assessmentDifferences));
    }

    private static <T> List<Change> compare(Map<String, T> before, Map<String, T> after, Map<String, String> replacements,
                                            Function<T, String> title, BiFunction<T, T, List<String>> differences) {
        List<Change> changes = new ArrayList<>();
        before.forEach((id, old) -> {
            if (!after.containsKey(id)) {
                String by = replacements.get(id);
                changes.add(by != null && after.containsKey(by)
                        ? new Change(Kind.REPLACED, id, title.apply(old), "replaced by " + by)
                        : new Change(Kind.REMOVED, id, title.apply(old), ""));
            }
        });
        after.forEach((id, now) -> {
            T old = before.get(id);
            if (old == null && !replacesOneOf(replacements, id, before.keySet())) {
                changes.add(new Change(Kind.ADDED, id, title.apply(now), ""));
            } else if (old != null) {
                List<String> changed = differences.apply(old, now);
                if (!changed.isEmpty()) {
                    changes.add(new Change(Kind.CHANGED, id, title.apply(now), String.join(", ", changed)));
                }
            }
        });
        return changes;
    }

    /** True when the item takes the place of an id the old version had: its "replaced by" line says it already. */
    private static boolean replacesOneOf(Map<String, String> replacements, String id, Set<String> before) {
        return replacements.entrySet().stream().anyMatch(e -> e.getValue().equals(id) && before.contains(e.getKey()));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    private static List<Task> tasks(Pack pack) {
        return pack.weeks().stream().flatMap(w -> w.tasks().stream()).toList();
    }

    private static List<ChecklistItem> checklist(Pack pack) {
        return pack.phases().stream().map(Phase::milestone).filter(Objects::nonNull)
                .map(Milestone::checklist).flatMap(List::stream).toList();
    }

    private static List<String> weekDifferences(Week a, Week b) {
        List<String> changed = new ArrayList<>();
        differ(changed, "number", a.number(), b.number());
        differ(changed, "title", a.title(), b.title());
        differ(changed, "hours " + hours(a.hours()) + " → " + hours(b.hours()), a.hours(), b.hours());
        differ(changed, "goals", a.goals(), b.goals());
        differ(changed, "resources", a.resources(), b.resources());
        differ(changed, "labs", a.labs(), b.labs());
        differ(changed, "guide", a.guide(), b.guide());
        return changed;
    }

    private static List<String> taskDifferences(Task a, Task b) {
        List<String> changed = new ArrayList<>();
        differ(changed, "moved to " + b.weekId(), a.weekId(), b.weekId());
        differ(changed, "kind", a.kind(), b.kind());
        differ(changed, "title", a.title(), b.title());
        differ(changed, "detail", a.detail(), b.detail());
        differ(changed, "hours", a.plannedHours(), b.plannedHours());
        differ(changed, "lab", a.lab(), b.lab());
        return changed;
    }

    private static List<String> assessmentDifferences(Assessment a, Assessment b) {
        Map<String, AssessmentItem> before = byId(a.items(), AssessmentItem::id);
        Map<String, AssessmentItem> after = byId(b.items(), AssessmentItem::id);
        long added = after.keySet().stream().filter(id -> !before.containsKey(id)).count();
        long removed = before.keySet().stream().filter(id -> !after.containsKey(id)).count();
        long changed = after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()) && !before.get(e.getKey()).equals(e.getValue())).count();
        List<String> differences = new ArrayList<>();
        differ(differences, "title", a.title(), b.title());
        differ(differences, "readiness thresholds", a.readiness(), b.readiness());
        if (added > 0) {
            differences.add(added + " item(s) added");
        }
        if (removed > 0) {
            differences.add(removed + " item(s) removed");
        }
        if (changed > 0) {
            differences.add(changed + " item(s) changed");
        }
        return differences;
    }

    private static List<Change> labs(Pack before, Pack after, Map<String, String> labsBefore, Map<String, String> labsAfter) {
        Set<String> used = labIds(before);
        Set<String> usedNow = labIds(after);
        List<Change> changes = new ArrayList<>();
        for (String id : used) {
            if (!usedNow.contains(id)) {
                changes.add(new Change(Kind.REMOVED, id, id, ""));
            }
        }
        for (String id : usedNow) {
            if (!used.contains(id)) {
                changes.add(new Change(Kind.ADDED, id, id, ""));
            } else if (labsBefore.containsKey(id) && labsAfter.containsKey(id)
                    && !labsBefore.get(id).equals(labsAfter.get(id))) {
                changes.add(new Change(Kind.CHANGED, id, id, "its files"));
            }
        }
        return changes;
    }

    private static Set<String> labIds(Pack pack) {
        Set<String> ids = new TreeSet<>();
        for (Week week : pack.weeks()) {
            ids.addAll(week.labs());
            week.tasks().forEach(t -> t.lab().ifPresent(ids::add));
        }
        return ids;
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    private static void differ(List<String> changed, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }
}
