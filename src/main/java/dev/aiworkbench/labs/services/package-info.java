/**
 * The service runtimes of labs: FastAPI (uvicorn on the learner's workspace), Qdrant and Ollama.
 *
 * <p>{@link dev.aiworkbench.labs.services.LabServices} is the facade: one per app (the composition root makes it
 * with {@link dev.aiworkbench.labs.services.LabServicesSettings#defaults} over the data folder and the app's model
 * gateway, and closes it on exit). {@code open(lab, labFolder)} gives a {@link dev.aiworkbench.labs.services.LabRun}
 * to listen to and start; each {@link dev.aiworkbench.labs.services.LabService} reports a
 * {@link dev.aiworkbench.labs.services.ServiceState} (starting, running, stopped, unavailable, failed, with a
 * sentence, a fix, its endpoints and addresses), log lines and pull progress to
 * {@link dev.aiworkbench.labs.services.ServiceListener}s, on background threads.
 *
 * <p>What a lab's FastAPI app finds in its environment, to reach the lab's other services (only those the lab
 * starts, and only once they run):
 * <ul>
 *   <li>{@code QDRANT_URL} (e.g. {@code http://127.0.0.1:6333}, or {@code http://qdrant:6333} when the app runs in
 *       a container) and {@code QDRANT_API_KEY} when the lab sets a key;</li>
 *   <li>{@code OLLAMA_HOST} (the URL of the Ollama server the lab uses), {@code OLLAMA_MODEL} and
 *       {@code OLLAMA_EMBED_MODEL} (the lab's models);</li>
 *   <li>{@code WORKBENCH_LAB} (the lab's id).</li>
 * </ul>
 * A lab's starter reads them with defaults, e.g.
 * {@code os.environ.get("QDRANT_URL", "http://127.0.0.1:6333")}, so it also runs outside the workbench.
 *
 * <p>Another process (the command line) finds a running lab with
 * {@link dev.aiworkbench.labs.services.LabServices#records()}: {@code find(id)} gives its
 * endpoints, {@code requestStop(id, wait)} asks the process that runs it to stop it.
 */
package dev.aiworkbench.labs.services;
