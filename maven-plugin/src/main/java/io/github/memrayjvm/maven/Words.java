package io.github.memrayjvm.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a property such as {@code -Dmemray.args="a 'b c'"} into words the way a shell would:
 * blanks separate words, single quotes keep everything literally, double quotes keep blanks and
 * honour {@code \"} and {@code \\}, a backslash outside quotes escapes the next character. Pure.
 */
final class Words {

    private Words() {
    }

    /**
     * The words of {@code text}; {@code null} or blank gives none.
     *
     * @throws IllegalArgumentException for an unclosed quote (the message says which)
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length()
                        && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < text.length()) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
