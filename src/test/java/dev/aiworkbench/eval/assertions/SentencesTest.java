package dev.aiworkbench.eval.assertions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How RAG metrics cut a context into units, as promptfoo does. */
class SentencesTest {

    @Test
    void proseIsCutIntoSentences() {
        assertThat(Sentences.units("Paris is the capital. France has wine!  Is it big? Yes"))
                .containsExactly("Paris is the capital.", "France has wine!", "Is it big?", "Yes");
    }

    @Test
    void textOfSeveralLinesIsCutIntoLinesAndALeadingOrTrailingNewlineDoesNotCount() {
        assertThat(Sentences.units("One. Two.\n\nThree.\n")).containsExactly("One. Two.", "Three.");
        assertThat(Sentences.units("\nOne. Two.\n")).containsExactly("One.", "Two.");
    }

    @Test
    void bareListMarkersAreNotUnits() {
        assertThat(Sentences.units("1. Paris is the capital. 2. France is in Europe."))
                .containsExactly("Paris is the capital.", "France is in Europe.");
    }
}
