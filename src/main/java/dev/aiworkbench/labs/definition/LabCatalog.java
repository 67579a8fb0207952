package dev.aiworkbench.labs.definition;

import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.curriculum.PackAccessException;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.SourcePosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The labs in one place (shipped in the app, or in a folder's labs/), each with what loading it produced.
 *
 * @param source   where the labs are, for messages ("built-in labs", or the folder)
 * @param labs     one result per lab folder (a folder under labs/ with a lab.yaml), sorted by id
 * @param problems problems with the place itself rather than with one lab (a link under labs/, an unreadable
 *                 folder)
 */
public record LabCatalog(String source, List<LabLoadResult> labs, List<Problem> problems) {
    public LabCatalog {
        labs = List.copyOf(labs);
        problems = List.copyOf(problems);
    }

    /** The labs shipped in the app; empty when it ships none. The pack, when given, is the one their marks name. */
    public static LabCatalog bundled(Optional<Pack> pack) {
        try (LabLocation location = LabLocation.bundled()) {
            return load(location, pack);
        } catch (PackAccessException e) {
            return new LabCatalog("built-in labs", List.of(), List.of());
        } catch (IOException e) {
            return failed("built-in labs", e.getMessage());
        }
    }

    /** The labs under {@code labs/} of a folder (the repository, a pack folder) or of a pack zip. */
    public static LabCatalog load(Path folderOrZip, Optional<Pack> pack) {
        try (LabLocation location = LabLocation.open(folderOrZip)) {
            return load(location, pack);
        } catch (PackAccessException | IOException e) {
            return failed(folderOrZip.toString(), e.getMessage());
        }
    }

    /**
     * The labs of an open location. A result's folder stays readable while the location is open (and after, for
     * bundled labs and labs in a folder on disk).
     */
    public static LabCatalog load(LabLocation location, Optional<Pack> pack) {
        LabLoader loader = new LabLoader(pack);
        List<LabLoadResult> labs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            problems.addAll(location.linkedEntries());
            for (String id : location.labIds()) {
                labs.add(loader.load(location, id));
            }
        } catch (IOException e) {
            problems.add(Problem.error(SourcePosition.startOf(LabLocation.LABS), "cannot list the labs: "
                    + e.getMessage()));
        }
        return new LabCatalog(location.displayName(), labs, problems);
    }

    private static LabCatalog failed(String source, String message) {
        return new LabCatalog(source, List.of(), List.of(Problem.error(SourcePosition.startOf(source), message)));
    }

    /** The ids of the labs, sorted. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        labs.forEach(l -> ids.add(l.id()));
        return ids;
    }

    public Optional<LabLoadResult> result(String id) {
        return labs.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lab with this id as far as it could be read, if it is here. */
    public Optional<LabDefinition> lab(String id) {
        return result(id).flatMap(LabLoadResult::lab);
    }

    /** The labs that could be read, in id order; one whose lab.yaml is broken is left out (its problems say why). */
    public List<LabDefinition> definitions() {
        List<LabDefinition> definitions = new ArrayList<>();
        labs.forEach(l -> l.lab().ifPresent(definitions::add));
        return definitions;
    }

    /** Every problem here: the place's own, then each lab's, in file order. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(problems);
        labs.forEach(l -> all.addAll(l.problems()));
        all.sort(Problem.ORDER);
        return all;
    }

    /** No lab here has an error (warnings allowed). */
    public boolean valid() {
        return allProblems().stream().noneMatch(Problem::isError);
    }
}
