package io.github.memrayjvm.renderer.text.layout;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The characters the screen is drawn with: box drawing, braille plot and arrows for terminals
 * that speak Unicode, plain ASCII for the others.
 *
 * @param unicode    {@code true} for box drawing and a braille plot
 * @param horizontal a horizontal box line
 * @param vertical   a vertical box line
 * @param corners    the four box corners: top left, top right, bottom left, bottom right
 * @param ellipsis   marks cut text
 * @param separator  between items on one line
 * @param leftRight  the keys for the previous / next thread
 * @param upDown     the keys for scrolling
 */
public record Glyphs(boolean unicode, char horizontal, char vertical, String corners,
                     String ellipsis, String separator, String leftRight, String upDown) {

    /** For terminals that show Unicode. */
    public static final Glyphs UNICODE = new Glyphs(true, '─', '│', "╭╮╰╯", "…", " · ", "←→", "↑↓");

    /** For terminals that only show ASCII. */
    public static final Glyphs ASCII = new Glyphs(false, '-', '|', "++++", "..", " - ", "<>", "up/dn");

    /** The glyphs for a terminal whose encoding is {@code charset}. */
    public static Glyphs forCharset(Charset charset) {
        return charset != null && (charset.equals(StandardCharsets.UTF_8)
                || charset.name().startsWith("UTF-")) ? UNICODE : ASCII;
    }

    char topLeft() {
        return corners.charAt(0);
    }

    char topRight() {
        return corners.charAt(1);
    }

    char bottomLeft() {
        return corners.charAt(2);
    }

    char bottomRight() {
        return corners.charAt(3);
    }
}
