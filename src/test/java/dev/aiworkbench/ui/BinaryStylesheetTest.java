package dev.aiworkbench.ui;

import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build ships workbench.css in JavaFX's binary form beside it (packaging/build/BinaryStylesheets.java), which
 * JavaFX reads in its place; it must say exactly what the text says, or the app would look unlike its stylesheet.
 */
class BinaryStylesheetTest {
    /** Each rule's selectors and declarations (a binary rule decodes its declarations when they are asked for). */
    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " " + rule.getDeclarations()).toList();
    }

    @Test
    void theBinaryStylesheetHoldsTheRulesOfTheText() throws IOException {
        URL css = WorkbenchApp.class.getResource("workbench.css");
        URL bss = WorkbenchApp.class.getResource("workbench.bss");
        assertThat(bss).as("the build writes workbench.bss beside workbench.css").isNotNull();

        List<String> text = rules(new CssParser().parse(css));
        List<String> binary = rules(Stylesheet.loadBinary(bss));

        assertThat(text).isNotEmpty();
        assertThat(binary).isEqualTo(text);
    }
}
