package dev.aiworkbench.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link TinyPack} with labs of its own under labs/, listed in pack.yaml: for tests of {@code pack lint --run-labs}.
 * The labs are written from small parts so a test shows only what its lab is about.
 */
public final class TinyLabPack {
    /** A starter main.py with /health (FastAPI's start-up probe) and a /greeting that is not written yet. */
    public static final String GREETING_STARTER = """
            from fastapi import FastAPI
            from fastapi.responses import JSONResponse

            app = FastAPI()


            @app.get("/health")
            def health():
                return {"status": "ok"}


            @app.get("/greeting")
            def greeting():
                return JSONResponse({"detail": "TODO: greet"}, status_code=501)
            """;

    /**
     * One lab: its id, the lab.yaml lines after the common head (services and steps), and its files by path
     * relative to the lab folder (starter/..., solution/...).
     */
    public record Lab(String id, String body, Map<String, String> files) {
    }

    private TinyLabPack() {
    }

    /** Writes the pack with these labs into {@code folder} and returns it; its one week uses them. */
    public static Path write(Path folder, List<Lab> labs) {
        TinyPack.write(folder);
        String ids = String.join(", ", labs.stream().map(Lab::id).toList());
        // the linter wants three to six tasks a week
        PackFiles.write(folder.resolve(TinyPack.WEEK_FILE), """
                ---
                id: week-01
                week: 1
                module: m01-basics
                title: Start
                hours: 3
                resources: []
                goals:
                  - Start
                labs: [%s]
                tasks:
                  - id: w01-read
                    kind: read
                    title: Read the guide
                    hours: 1
                  - id: w01-lab
                    kind: lab
                    title: Do the labs
                    hours: 1
                  - id: w01-reflect
                    kind: reflect
                    title: Write down what you learned
                    hours: 1
                ---
                # Start

                Read the guide, then do the labs.
                """.formatted(ids));
        PackFiles.write(folder.resolve("pack.yaml"), PackFiles.read(folder.resolve("pack.yaml")) + "labs: [" + ids
                + "]\n");
        for (Lab lab : labs) {
            Path root = folder.resolve("labs").resolve(lab.id());
            PackFiles.write(root.resolve("lab.yaml"), "id: " + lab.id() + "\n"
                    + "title: Lab " + lab.id() + "\n"
                    + "summary: A lab of the tiny pack.\n"
                    + "weeks: [1]\n"
                    + "workspace:\n  starter: starter\n  solution: solution\n"
                    + lab.body());
            lab.files().forEach((name, text) -> PackFiles.write(root.resolve(name), text));
        }
        return folder;
    }

    /** A FastAPI lab whose one check asks GET /greeting for {"text": "hello"}. */
    public static Lab greetingLab(String id, String starterMain, String solutionMain) {
        return new Lab(id, """
                services:
                  - fastapi
                steps:
                  - id: greeting
                    title: Answer GET /greeting
                    checks:
                      - id: greeting-hello
                        type: http
                        title: GET /greeting says hello
                        url: "{{fastapi.url}}/greeting"
                        expect:
                          status: 200
                          json: {$.text: hello}
                        hint: 'Return {"text": "hello"} from greeting().'
                """, Map.of("starter/main.py", starterMain, "solution/main.py", solutionMain));
    }

    /** A main.py whose /greeting answers {"text": text}. */
    public static String greetingMain(String text) {
        return GREETING_STARTER.replace("return JSONResponse({\"detail\": \"TODO: greet\"}, status_code=501)",
                "return {\"text\": \"" + text + "\"}");
    }

    /** A lab with no services whose one check asks for "finished" in notes.md. */
    public static Lab notesLab(String id, String starterNotes, String solutionNotes) {
        return new Lab(id, """
                services: []
                steps:
                  - id: notes
                    title: Finish the notes
                    checks:
                      - id: notes-finished
                        type: file
                        title: notes.md says finished
                        path: notes.md
                        contains: finished
                        hint: Write "finished" in notes.md.
                """, Map.of("starter/notes.md", starterNotes, "solution/notes.md", solutionNotes));
    }

    /** A lab that needs a model on an Ollama server. */
    public static Lab modelLab(String id) {
        return new Lab(id, """
                services:
                  - type: ollama
                    model: qwen2.5:0.5b
                steps:
                  - id: model
                    title: Have the model answer
                    checks:
                      - id: model-answers
                        type: ollama
                        title: The model answers
                        model: qwen2.5:0.5b
                        prompt: Say hi.
                        hint: Pull the model.
                """, Map.of("starter/notes.md", "start\n", "solution/notes.md", "done\n"));
    }
}
