package dev.aiworkbench.progress;

import java.time.Instant;

/**
 * One change a learner made, kept forever: a state change, a note saved, or time logged.
 *
 * @param fromState null for notes and time
 * @param minutes   null except for time
 */
public record ProgressEvent(String itemId, Kind kind, TaskState fromState, TaskState toState, Integer minutes,
                            Instant at) {

    public enum Kind {
        STATE("state"), NOTE("note"), TIME("time");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind fromId(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown event kind '" + id + "'");
        }
    }
}
