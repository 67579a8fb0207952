package dev.aiworkbench.labs.services;

import java.util.Objects;

/**
 * The container images the lab services use, pinned so a lab behaves the same on every machine.
 *
 * @param qdrant Qdrant; v1.10 or newer, for the query API ({@code POST /collections/{name}/points/query})
 * @param ollama Ollama, when no Ollama server answers at the app's address
 * @param python the Python that runs the FastAPI app when no local Python has FastAPI; it installs FastAPI and
 *               uvicorn with pip at start, which needs network access to PyPI (pydantic-core publishes wheels
 *               for this Python, so the slim image needs no compiler)
 */
public record ServiceImages(String qdrant, String ollama, String python) {
    public static final ServiceImages DEFAULT = new ServiceImages("qdrant/qdrant:v1.20.3", "ollama/ollama:0.32.6",
            "python:3.15-slim");

    public ServiceImages {
        Objects.requireNonNull(qdrant, "qdrant");
        Objects.requireNonNull(ollama, "ollama");
        Objects.requireNonNull(python, "python");
    }
}
