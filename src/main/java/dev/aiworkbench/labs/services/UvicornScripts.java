package dev.aiworkbench.labs.services;

/** The small scripts that start uvicorn for {@link FastApiService}, locally and in a container. */
final class UvicornScripts {
    /**
     * Runs {@code python -m uvicorn ARGS} exactly as {@code -m} does, plus one thing: a thread that waits for
     * stdin to close and then stops uvicorn the way Ctrl+C does. The workbench holds stdin open, so if the
     * workbench dies without stopping the lab (a crash, kill -9), the pipe closes and uvicorn does not outlive it.
     */
    static final String LAUNCHER = """
            import os, runpy, signal, sys, threading
            def _workbench_watch():
                try:
                    while sys.stdin.buffer.read(4096):
                        pass
                except Exception:
                    pass
                os.kill(os.getpid(), signal.SIGTERM)
            threading.Thread(target=_workbench_watch, name="workbench-watch", daemon=True).start()
            sys.argv = ["uvicorn"] + sys.argv[1:]
            runpy.run_module("uvicorn", run_name="__main__", alter_sys=True)
            """;

    /**
     * The container's command: install FastAPI (and the workspace's requirements), then run the app with reload.
     * An image that already has FastAPI and uvicorn, and no pip, runs the app as it is: a prepared image works
     * without network access.
     */
    static final String IN_CONTAINER = """
            set -e
            if python -c "import fastapi, uvicorn" 2>/dev/null; then
              echo "FastAPI and uvicorn are already installed in the image."
            else
              echo "Installing FastAPI and uvicorn with pip (this needs network access)..."
              pip install --quiet fastapi uvicorn
            fi
            if [ -f requirements.txt ]; then
              if command -v pip >/dev/null 2>&1; then
                echo "Installing requirements.txt with pip..."
                pip install --quiet -r requirements.txt
              else
                echo "The image has no pip: requirements.txt is left as it is, and the app runs with what the image has."
              fi
            fi
            exec python -m uvicorn "$1" --host 0.0.0.0 --port 8000 --reload --reload-dir /workspace
            """;

    private UvicornScripts() {
    }
}
