package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.render.Renderer;
import io.github.memrayjvm.api.render.RendererContext;
import io.github.memrayjvm.api.render.RendererProvider;
import io.github.memrayjvm.renderer.text.layout.Glyphs;
import org.jline.terminal.Terminal;

/**
 * The {@code text} renderer: the full-screen live view in the terminal (the default).
 *
 * <p>{@link #create} opens the process's terminal (standard input and output) right away, so
 * that a redirected output or a dumb terminal is reported before the program is released; the
 * renderer closes it when it is done. Option {@code ascii=true} draws with ASCII only (for
 * terminals whose font lacks box drawing or braille characters).
 */
public final class TextRendererProvider implements RendererProvider {

    /** The renderer option that forces ASCII drawing. */
    public static final String ASCII_OPTION = "ascii";

    @Override
    public String name() {
        return "text";
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "full-screen live view in the terminal (default)";
    }

    @Override
    public Renderer create(RendererContext context) {
        Terminal terminal = TerminalCheck.openSystemTerminal();
        boolean ascii = Boolean.parseBoolean(context.options().getOrDefault(ASCII_OPTION, "false"));
        return new TextRenderer(terminal, ascii ? Glyphs.ASCII : Glyphs.forCharset(terminal.encoding()));
    }
}
