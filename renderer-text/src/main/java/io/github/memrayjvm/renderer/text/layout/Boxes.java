package io.github.memrayjvm.renderer.text.layout;

import io.github.memrayjvm.renderer.text.format.Cells;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Frames lines in a box with a title in its top edge and a caption in its bottom edge. */
final class Boxes {

    private Boxes() {
    }

    /**
     * The box, {@code width} columns wide and {@code content.size() + 2} lines high.
     *
     * @param padding spaces between the edges and the content on each side
     * @param title   shown at the left of the top edge, or empty
     * @param caption shown at the right of the bottom edge, or empty
     */
    static List<AttributedString> box(List<AttributedString> content, int width, int padding,
                                      String title, String caption, AttributedStyle contentStyle,
                                      Glyphs glyphs) {
        int inner = Math.max(0, width - 2);
        List<AttributedString> lines = new ArrayList<>(content.size() + 2);
        lines.add(edge(glyphs.topLeft(), glyphs.topRight(), title, true, inner, glyphs));
        String pad = " ".repeat(Math.min(padding, inner / 2));
        int room = Math.max(0, inner - 2 * pad.length());
        for (AttributedString line : content) {
            AttributedStringBuilder sb = new AttributedStringBuilder(width);
            sb.append(String.valueOf(glyphs.vertical()));
            sb.append(pad);
            AttributedString fitted = Lines.fit(line, room);
            if (contentStyle != null) {
                sb.append(fitted.toString(), contentStyle);
            } else {
                sb.append(fitted);
            }
            sb.append(pad);
            sb.append(String.valueOf(glyphs.vertical()));
            lines.add(sb.toAttributedString());
        }
        lines.add(edge(glyphs.bottomLeft(), glyphs.bottomRight(), caption, false, inner, glyphs));
        return lines;
    }

    private static AttributedString edge(char left, char right, String label, boolean atLeft,
                                         int inner, Glyphs glyphs) {
        String line = String.valueOf(glyphs.horizontal());
        AttributedStringBuilder sb = new AttributedStringBuilder(inner + 2);
        sb.append(String.valueOf(left));
        String text = label.isEmpty() ? "" : " " + label + " ";
        if (Cells.width(text) > inner - 2) {
            text = inner - 2 >= 3 ? Cells.truncateEnd(text, inner - 2, glyphs.ellipsis()) : "";
        }
        int rest = inner - Cells.width(text);
        if (text.isEmpty()) {
            sb.append(line.repeat(inner));
        } else if (atLeft) {
            sb.append(line);
            sb.append(text, Styles.BOX_TITLE);
            sb.append(line.repeat(rest - 1));
        } else {
            sb.append(line.repeat(rest - 1));
            sb.append(text);
            sb.append(line);
        }
        sb.append(String.valueOf(right));
        return sb.toAttributedString();
    }

    /** Two blocks of lines of the same height, next to each other. */
    static List<AttributedString> beside(List<AttributedString> left, List<AttributedString> right) {
        List<AttributedString> lines = new ArrayList<>(left.size());
        for (int i = 0; i < left.size(); i++) {
            lines.add(new AttributedStringBuilder().append(left.get(i)).append(right.get(i))
                    .toAttributedString());
        }
        return lines;
    }
}
