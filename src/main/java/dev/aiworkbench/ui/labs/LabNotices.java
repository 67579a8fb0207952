package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.LabCheckReport;
import dev.aiworkbench.labs.checks.CheckResult;
import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.LabRun;
import dev.aiworkbench.labs.services.LabService;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.labs.services.ServiceStatus;
import dev.aiworkbench.labs.services.Unavailable;
import dev.aiworkbench.ui.common.Sentences;
import dev.aiworkbench.ui.labs.Notice.Tone;

import java.util.ArrayList;
import java.util.List;

/** What the Labs screen says after each thing the learner does, and failures as sentences with a next step. */
final class LabNotices {
    private LabNotices() {
    }

    /** A failure as a sentence for the learner: the service's message, capitalised, with a full stop. */
    static String failure(Throwable failure) {
        Throwable cause = Sentences.cause(failure);
        String text = cause.getMessage();
        if (text == null || text.isBlank()) {
            return "That did not work (" + cause.getClass().getSimpleName()
                    + "); the log in the data folder has the details.";
        }
        return Sentences.of(text);
    }

    static Notice problem(Throwable failure) {
        return new Notice(Tone.DANGER, "That did not work", failure(failure));
    }

    /** What this machine lacks for the lab's services; null when it lacks nothing. */
    static Notice missing(List<Unavailable> missing) {
        if (missing.isEmpty()) {
            return null;
        }
        return new Notice(Tone.WARNING, missing.size() == 1 ? "Something this lab needs is missing here"
                : missing.size() + " things this lab needs are missing here",
                String.join("\n\n", missing.stream().map(Unavailable::message).toList()));
    }

    static Notice started(LabRun done, String serviceNames) {
        List<String> cannot = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LabService service : done.services()) {
            ServiceStatus status = service.state().status();
            if (status == ServiceStatus.UNAVAILABLE) {
                cannot.add(service.name());
            } else if (status == ServiceStatus.FAILED) {
                failed.add(service.name());
            }
        }
        String workspace = done.workspaceReport().map(r -> " " + r.sentence()).orElse("");
        if (done.lab().services().isEmpty()) {
            return new Notice(Tone.SUCCESS, "Your workspace is ready", workspace.strip() + " Work there, then press Check.");
        }
        if (!failed.isEmpty()) {
            return new Notice(Tone.DANGER, "Not everything started", String.join(" and ", failed)
                    + " did not come up; its section below says why and what to do.");
        }
        if (!cannot.isEmpty()) {
            return new Notice(Tone.WARNING, "Some services cannot run here", String.join(" and ", cannot)
                    + " cannot run on this computer as it is; its section below says what to install. The steps "
                    + "that do not need it can still be checked.");
        }
        return new Notice(Tone.SUCCESS, "The lab is running", "Work in your workspace, then press Check. "
                + "Stop ends " + serviceNames + " when you are done." + workspace);
    }

    /** @param labSteps how many steps the lab has, to say "of this step" when one step of several was checked */
    static Notice checked(LabCheckReport report, int labSteps) {
        int passed = 0;
        int total = 0;
        for (LabCheckReport.StepResults results : report.steps()) {
            for (CheckResult result : results.results()) {
                total++;
                if (result.passed()) {
                    passed++;
                }
            }
        }
        String scope = report.steps().size() == 1 && labSteps > 1 ? " of this step" : "";
        if (!report.missingServices().isEmpty()) {
            return new Notice(Tone.WARNING, passed + " of " + total + " checks" + scope + " pass",
                    "Some checks need " + String.join(" and ", report.missingServices().stream()
                            .map(id -> ServiceViewModel.name(ServiceType.fromId(id))).toList())
                            + ", which is not running: press Start (or see its section for what is missing).");
        }
        if (report.allPassed()) {
            String marked = report.marked().isEmpty() ? "" : " Marked done in the curriculum: "
                    + String.join(", ", report.marked()) + ".";
            return new Notice(Tone.SUCCESS, total == 1 ? "The check passes" : "All " + total + " checks" + scope + " pass",
                    (report.progress().complete() ? "You finished this lab." : "Well done.") + marked);
        }
        return new Notice(Tone.WARNING, passed + " of " + total + " checks" + scope + " pass",
                "Each failing check below says what to do next.");
    }

    static Notice restarted(ServiceState state) {
        return new Notice(state.running() ? Tone.SUCCESS : Tone.DANGER,
                state.running() ? "FastAPI restarted" : "FastAPI did not come back", state.message());
    }

    static Notice stopped(String serviceNames) {
        return new Notice(Tone.SUCCESS, "The lab is stopped", "Nothing of " + serviceNames
                + " is left running. Your workspace and results stay.");
    }
}
