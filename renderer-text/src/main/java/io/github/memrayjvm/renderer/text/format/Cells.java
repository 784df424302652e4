package io.github.memrayjvm.renderer.text.format;

import org.jline.utils.WCWidth;

/**
 * Text measured in terminal columns (a wide character takes two, a combining mark none):
 * width, padding and truncation with an ellipsis at either end.
 */
public final class Cells {

    private Cells() {
    }

    /**
     * {@code text} with every control character (C0, DEL, C1) replaced by {@code ?}: text that
     * comes from the tracked program (its command, thread and method names) must not be able to
     * send escape sequences to the viewer's terminal.
     */
    public static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, '?');
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** The number of terminal columns {@code text} takes. */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return width;
    }

    /** {@code text} cut to {@code width} columns, ending with {@code ellipsis} when cut. */
    public static String truncateEnd(String text, int width, String ellipsis) {
        if (width(text) <= width) {
            return text;
        }
        int room = width - width(ellipsis);
        if (room < 0) {
            return head(text, width);
        }
        return head(text, room) + ellipsis;
    }

    /** {@code text} cut to {@code width} columns, starting with {@code ellipsis} when cut. */
    public static String truncateStart(String text, int width, String ellipsis) {
        if (width(text) <= width) {
            return text;
        }
        int room = width - width(ellipsis);
        if (room < 0) {
            return head(text, width);
        }
        return ellipsis + tail(text, room);
    }

    /** {@code text} fitted to exactly {@code width} columns: cut at the end, padded on the right. */
    public static String padRight(String text, int width, String ellipsis) {
        String cut = truncateEnd(text, width, ellipsis);
        return cut + " ".repeat(Math.max(0, width - width(cut)));
    }

    /** {@code text} fitted to exactly {@code width} columns: cut at the end, padded on the left. */
    public static String padLeft(String text, int width, String ellipsis) {
        String cut = truncateEnd(text, width, ellipsis);
        return " ".repeat(Math.max(0, width - width(cut))) + cut;
    }

    /** The longest prefix of {@code text} that takes at most {@code width} columns. */
    static String head(String text, int width) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > width) {
                break;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    /** The longest suffix of {@code text} that takes at most {@code width} columns. */
    static String tail(String text, int width) {
        int used = 0;
        int i = text.length();
        while (i > 0) {
            int cp = text.codePointBefore(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > width) {
                break;
            }
            used += w;
            i -= Character.charCount(cp);
        }
        return text.substring(i);
    }
}
