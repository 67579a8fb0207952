package dev.aiworkbench.assessment;

/** The latest results of a lab's checks, as readiness counts them. */
@FunctionalInterface
public interface LabChecks {
    /** How many of the lab's checks passed at their latest run, out of all its checks. */
    CheckTally passed(String labId);
}
