package dev.aiworkbench.doctor;

/**
 * One thing the workbench depends on, and whether this machine has it.
 *
 * @param required the core app cannot work without it (optional ones are needed by labs and the playground)
 * @param fix      what to do when it is missing; empty when present
 */
public record Check(String name, Status status, String detail, String fix, boolean required) {
    public enum Status { PRESENT, MISSING }

    public static Check present(String name, String detail, boolean required) {
        return new Check(name, Status.PRESENT, detail, "", required);
    }

    public static Check missing(String name, String detail, String fix, boolean required) {
        return new Check(name, Status.MISSING, detail, fix, required);
    }

    public boolean ok() {
        return status == Status.PRESENT;
    }
}
