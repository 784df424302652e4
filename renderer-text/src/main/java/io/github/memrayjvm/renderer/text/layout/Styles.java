package io.github.memrayjvm.renderer.text.layout;

import org.jline.utils.AttributedStyle;

/** The styles of the screen. */
final class Styles {

    static final AttributedStyle PLAIN = AttributedStyle.DEFAULT;
    static final AttributedStyle TITLE_BAR = AttributedStyle.DEFAULT.inverse();
    static final AttributedStyle TITLE = AttributedStyle.DEFAULT.inverse().bold();
    static final AttributedStyle LABEL = AttributedStyle.BOLD;
    static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    static final AttributedStyle BOX_TITLE = AttributedStyle.BOLD;
    static final AttributedStyle LIVE = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle WAITING = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle DISCONNECTED =
            AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    static final AttributedStyle PAUSED = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle PLOT = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle TABLE_HEADER = AttributedStyle.BOLD;
    static final AttributedStyle SORTED_HEADER = AttributedStyle.BOLD.underline();
    static final AttributedStyle KEY = AttributedStyle.DEFAULT.inverse().bold();

    private static final AttributedStyle[] HEAT = {
        AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN),
        AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW),
        AttributedStyle.DEFAULT.foreground(208),
        AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
    };

    private Styles() {
    }

    /** Green for small shares, through yellow and orange, to red for large ones. */
    static AttributedStyle heat(double percent) {
        if (percent < 10) {
            return HEAT[0];
        }
        if (percent < 30) {
            return HEAT[1];
        }
        if (percent < 60) {
            return HEAT[2];
        }
        return HEAT[3];
    }
}
