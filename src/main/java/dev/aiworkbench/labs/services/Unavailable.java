package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.host.DockerProbe;
import dev.aiworkbench.labs.host.PythonProbe;

import java.net.URI;

/**
 * Why a lab service cannot run on this machine, and the exact steps that make it possible: the same words
 * whether the learner pressed Start or has only opened the lab.
 */
public record Unavailable(ServiceType type, String sentence, String fix) {

    static Unavailable qdrant(DockerProbe.Result docker) {
        return new Unavailable(ServiceType.QDRANT, "Qdrant runs in Docker, and Docker is not running here ("
                + docker.detail() + ").", Fixes.DOCKER_INSTALL + " " + Fixes.stepsStillRun("Qdrant"));
    }

    static Unavailable fastapi(PythonProbe.Result python, DockerProbe.Result docker) {
        return new Unavailable(ServiceType.FASTAPI, "FastAPI cannot run here: no Python on this machine has FastAPI"
                + " and uvicorn (" + python.detail() + "), and Docker is not running (" + docker.detail() + ").",
                Fixes.fastapi(System.getProperty("os.name", "")) + " " + Fixes.stepsStillRun("FastAPI"));
    }

    /** Why the app's Ollama server is of no use: the first half of {@link #ollama}'s sentence. */
    static String noServer(URI server, String why) {
        return "No Ollama server answers at " + server + " (" + why + ")";
    }

    /** @param missing why the app's Ollama server does not answer ({@link #noServer}) */
    static Unavailable ollama(String missing, DockerProbe.Result docker) {
        return new Unavailable(ServiceType.OLLAMA, missing + ", and Docker is not running here (" + docker.detail()
                + "), so the lab cannot start one.", Fixes.ollama() + " " + Fixes.stepsStillRun("Ollama"));
    }

    /** The sentence with its fix, as one paragraph. */
    public String message() {
        return sentence + " " + fix;
    }
}
