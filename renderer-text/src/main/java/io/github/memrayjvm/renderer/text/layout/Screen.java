package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.renderer.text.view.Viewport;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * One frame of the live view.
 *
 * @param lines    the lines, top first: exactly as many as the screen has rows, none wider
 *                 than its columns
 * @param viewport the table rows these lines show (the scroll position kept in range)
 */
public record Screen(List<AttributedString> lines, Viewport viewport) {

    public Screen {
        lines = List.copyOf(lines);
    }

    /** The lines as plain text (styles dropped), one per row, each followed by a newline. */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (AttributedString line : lines) {
            sb.append(line.toString()).append('\n');
        }
        return sb.toString();
    }
}
