package dev.aiworkbench.curriculum;

import dev.aiworkbench.diagnostics.FileSchemas;
import dev.aiworkbench.diagnostics.Problem;
import dev.aiworkbench.diagnostics.YamlDocument;

import java.util.List;

/** The JSON Schemas of the pack format's files, checked through the shared {@link FileSchemas}. */
public final class PackSchemas {
    public enum Kind {
        PACK("pack.schema.json"), PHASE("phase.schema.json"), WEEK("week.schema.json"), ASSESSMENT("assessment.schema.json");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** The schema's file name under /schemas. */
        public String file() {
            return file;
        }
    }

    private PackSchemas() {
    }

    /** Every schema violation in the document, each at the node it concerns. */
    public static List<Problem> check(Kind kind, YamlDocument document) {
        return FileSchemas.check(kind.file(), document);
    }
}
