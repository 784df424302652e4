package io.github.memrayjvm.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void blanksSeparateWords() {
        assertThat(Words.split("  a b\tc  ")).containsExactly("a", "b", "c");
    }

    @Test
    void nothingGivesNoWords() {
        assertThat(Words.split(null)).isEmpty();
        assertThat(Words.split("   ")).isEmpty();
    }

    @Test
    void quotesKeepBlanksAndJoinWithWhatTouchesThem() {
        assertThat(Words.split("'beta gamma' \"x y\"z -Dk='v w'"))
                .containsExactly("beta gamma", "x yz", "-Dk=v w");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(Words.split("a '' b")).containsExactly("a", "", "b");
    }

    @Test
    void backslashesEscapeOutsideSingleQuotes() {
        assertThat(Words.split("a\\ b \"say \\\"hi\\\"\" 'c\\d'"))
                .containsExactly("a b", "say \"hi\"", "c\\d");
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThatThrownBy(() -> Words.split("a 'b c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed ' in: a 'b c");
    }
}
