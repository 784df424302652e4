package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.renderer.text.format.Cells;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Small helpers for styled lines measured in terminal columns. */
final class Lines {

    private Lines() {
    }

    /** {@code line} cut to {@code width} columns (no ellipsis) and padded with spaces to it. */
    static AttributedString fit(AttributedString line, int width) {
        AttributedString cut = line.columnLength() > width ? line.columnSubSequence(0, width) : line;
        int pad = width - cut.columnLength();
        if (pad <= 0) {
            return cut;
        }
        return new AttributedStringBuilder(width).append(cut).append(" ".repeat(pad))
                .toAttributedString();
    }

    /** {@code line} cut to {@code width} columns (no ellipsis, no padding). */
    static AttributedString cut(AttributedString line, int width) {
        return line.columnLength() > width ? line.columnSubSequence(0, width) : line;
    }

    /** {@code line} cut to {@code width} columns, with {@code ellipsis} at the end when cut. */
    static AttributedString truncate(AttributedString line, int width, String ellipsis) {
        if (line.columnLength() <= width) {
            return line;
        }
        int room = Math.max(0, width - Cells.width(ellipsis));
        AttributedString kept = line.columnSubSequence(0, room);
        AttributedStyle style = kept.length() > 0 ? kept.styleAt(kept.length() - 1)
                : AttributedStyle.DEFAULT;
        return new AttributedStringBuilder(width).append(kept).append(ellipsis, style)
                .toAttributedString().columnSubSequence(0, width);
    }

    /** {@code text} in {@code style}. */
    static AttributedString styled(String text, AttributedStyle style) {
        return new AttributedString(text, style);
    }

    /** An empty line. */
    static AttributedString blank() {
        return AttributedString.EMPTY;
    }
}
