package dev.aiworkbench.labs.definition;

/** The form of relative paths in lab.yaml: forward slashes, relative, and never leaving the folder they are in. */
final class LabPaths {
    private LabPaths() {
    }

    /**
     * What is wrong with a path written relative to a folder, or null when nothing is.
     *
     * @param folder the folder it is relative to, as the message names it ("lab folder", "workspace")
     */
    static String problem(String path, String folder) {
        if (path.isBlank()) {
            return "the path is empty";
        }
        if (path.contains("\\")) {
            return "'" + path + "' uses backslashes: write paths with forward slashes";
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return "'" + path + "' is not relative: write it relative to the " + folder;
        }
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (--depth < 0) {
                    return "'" + path + "' leaves the " + folder;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return depth == 0 ? "'" + path + "' names the " + folder + " itself" : null;
    }
}
