package dev.aiworkbench.labs.services;

import dev.aiworkbench.labs.host.PythonProbe;

import java.util.Locale;

/** The exact steps that make a missing service possible, for the machine the app runs on. */
final class Fixes {
    static final String DOCKER_INSTALL = "Install Docker Engine or Docker Desktop (https://docs.docker.com/get-docker/)"
            + " and start it (`docker info` answers when it runs), then press Start again.";

    private Fixes() {
    }

    static String stepsStillRun(String service) {
        return "The steps that do not need " + service + " still run.";
    }

    /** How to get FastAPI and uvicorn into a local Python, or run the app in Docker instead. */
    static String fastapi(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        String install;
        if (os.contains("win")) {
            install = "Install Python 3 from https://www.python.org/downloads/ and then FastAPI and uvicorn with"
                    + " `py -m pip install fastapi uvicorn`";
        } else if (os.contains("mac") || os.contains("darwin")) {
            install = "Install FastAPI and uvicorn with `python3 -m pip install fastapi uvicorn` (in a virtual"
                    + " environment, or after `brew install python`)";
        } else {
            install = "Install FastAPI and uvicorn: `sudo apt-get install python3-fastapi python3-uvicorn` on Debian"
                    + " or Ubuntu, or `python3 -m pip install fastapi uvicorn` (in a virtual environment)";
        }
        return install + "; or set " + PythonProbe.ENVIRONMENT_VARIABLE + " to a Python that has them. Or start"
                + " Docker, and the lab runs the app in a Python container instead (it downloads FastAPI there, which"
                + " needs network access). Then press Start again.";
    }

    static String ollama() {
        return "Install Ollama from https://ollama.com/download and start it (`ollama serve`), or set OLLAMA_HOST or"
                + " the address in Settings to where it runs; or start Docker, and the lab runs Ollama in a"
                + " container. Then press Start again.";
    }
}
