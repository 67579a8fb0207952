import javafx.css.Stylesheet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a binary stylesheet (.bss) beside every .css file under a folder of built classes. JavaFX loads the .bss in
 * place of a .css it is asked for when one lies beside it, and reading it skips the CSS parser, which, cold, took
 * 0.1 s of every start before the first window (bench/README.md, round 6). Run by Maven at process-classes with the
 * JavaFX jars on the class path:
 *
 * <pre>java -cp &lt;javafx jars&gt; packaging/build/BinaryStylesheets.java target/classes</pre>
 */
public final class BinaryStylesheets {
    private BinaryStylesheets() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BinaryStylesheets <classes folder>");
        }
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            sheets = files.filter(file -> file.getFileName().toString().endsWith(".css")).toList();
        }
        for (Path css : sheets) {
            String name = css.getFileName().toString();
            File bss = css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss").toFile();
            Stylesheet.convertToBinary(css.toFile(), bss);
        }
    }
}
