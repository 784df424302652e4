package io.github.memrayjvm.renderer.text;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.InfoCmp.Capability;

/**
 * The terminal in full-screen mode: raw input without echo, the alternate screen, the keypad in
 * application mode, the cursor hidden, and handlers for resizes and Ctrl-C. {@link #close()}
 * puts everything back as it was; it runs once, from whichever comes first: the view's own
 * exit, or the JVM's shutdown (a hook covers {@code kill} and {@code System.exit}).
 */
final class FullScreen implements AutoCloseable {

    private final Terminal terminal;
    private final Attributes saved;
    private final SignalHandler previousWinch;
    private final SignalHandler previousInt;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private FullScreen(Terminal terminal, Runnable onResize, Runnable onInterrupt) {
        this.terminal = terminal;
        this.previousWinch = terminal.handle(Signal.WINCH, signal -> onResize.run());
        this.previousInt = terminal.handle(Signal.INT, signal -> onInterrupt.run());
        this.saved = terminal.enterRawMode();
        this.shutdownHook = new Thread(this::restore, "memray-terminal-restore");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (!terminal.puts(Capability.enter_ca_mode)) {
            terminal.puts(Capability.clear_screen);
        }
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
    }

    /**
     * Switches {@code terminal} to full-screen mode.
     *
     * @param onResize    called (on a signal thread) when the terminal's size changes
     * @param onInterrupt called (on a signal thread) when the user presses Ctrl-C
     */
    static FullScreen enter(Terminal terminal, Runnable onResize, Runnable onInterrupt) {
        return new FullScreen(terminal, onResize, onInterrupt);
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run
        }
    }

    private void restore() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!terminal.puts(Capability.exit_ca_mode)) {
                terminal.puts(Capability.clear_screen);
            }
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.cursor_visible);
            terminal.flush();
        } finally {
            terminal.setAttributes(saved);
            terminal.handle(Signal.WINCH, previousWinch);
            terminal.handle(Signal.INT, previousInt);
        }
    }
}
