package dev.aiworkbench.curriculum;

import java.util.Locale;

/** What kind of work a task asks for; the pack format spells these in lower case. */
public enum TaskKind {
    STUDY, BUILD, LAB, READ, REFLECT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
