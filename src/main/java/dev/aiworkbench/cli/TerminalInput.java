package dev.aiworkbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Questions on a terminal: asks again until the answer makes sense, and treats {@code q} or the end of input as
 * the learner stopping (thrown as {@link Stopped}, so a quiz unwinds to where its progress is kept).
 */
final class TerminalInput {
    static final String STOP = "q";

    /** The learner typed {@code q}, or the input ended. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final BufferedReader in;
    private final PrintWriter out;

    TerminalInput(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    PrintWriter out() {
        return out;
    }

    /**
     * Asks until {@code parse} accepts the trimmed line.
     *
     * @param parse the value of a line, or empty when it does not fit
     * @param again what to say before asking again
     */
    <T> T ask(String question, Function<String, Optional<T>> parse, String again) {
        while (true) {
            String line = line(question);
            Optional<T> value = parse.apply(line);
            if (value.isPresent()) {
                return value.get();
            }
            out.println(again);
        }
    }

    /** y or n. */
    boolean yesOrNo(String question) {
        return ask(question + " [y/n] ", line -> switch (line.toLowerCase(Locale.ROOT)) {
            case "y", "yes" -> Optional.of(true);
            case "n", "no" -> Optional.of(false);
            default -> Optional.empty();
        }, "Please type y or n (or q to stop).");
    }

    /** A whole number from {@code low} to {@code high}. */
    int number(String question, int low, int high) {
        return ask(question, line -> wholeNumber(line).filter(n -> n >= low && n <= high),
                "Please type a number from " + low + " to " + high + " (or q to stop).");
    }

    /** Lines up to an empty one, joined; asks again while there are none. A lone q stops. */
    String text(String question) {
        while (true) {
            List<String> lines = new ArrayList<>();
            String line = line(question);
            while (!line.isEmpty()) {
                lines.add(line);
                line = read().strip();
            }
            if (!lines.isEmpty()) {
                return String.join("\n", lines);
            }
            out.println("Please write an answer, then an empty line (or q to stop).");
        }
    }

    static Optional<Integer> wholeNumber(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String line(String question) {
        out.print(question);
        out.flush();
        String line = read().strip();
        if (line.equalsIgnoreCase(STOP)) {
            throw new Stopped();
        }
        return line;
    }

    private String read() {
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
                throw new Stopped();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
