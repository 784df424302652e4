package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.session.LiveSession;
import io.github.memrayjvm.renderer.text.layout.Glyphs;
import java.time.Clock;
import org.jline.terminal.Terminal;

/**
 * The full-screen live view on a terminal it owns: {@link #render} runs a {@link LiveView} and
 * closes the terminal afterwards. The session is left to its owner to close.
 */
public final class TextRenderer implements Renderer {

    private final Terminal terminal;
    private final Glyphs glyphs;

    /**
     * @param terminal the terminal to use; closed when {@link #render} returns
     * @param glyphs   the characters to draw with
     */
    public TextRenderer(Terminal terminal, Glyphs glyphs) {
        this.terminal = terminal;
        this.glyphs = glyphs;
    }

    @Override
    public int render(LiveSession session) throws Exception {
        try {
            return new LiveView(terminal, session, Clock.systemDefaultZone(), glyphs).run();
        } finally {
            TerminalCheck.closeQuietly(terminal);
        }
    }
}
