package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.api.session.LiveSession;
import io.github.memrayjvm.api.session.SessionEvent;
import io.github.memrayjvm.api.session.SessionState;
import io.github.memrayjvm.renderer.text.layout.Glyphs;
import io.github.memrayjvm.renderer.text.layout.Screen;
import io.github.memrayjvm.renderer.text.layout.ScreenLayout;
import io.github.memrayjvm.renderer.text.view.Command;
import io.github.memrayjvm.renderer.text.view.ViewCommands;
import io.github.memrayjvm.renderer.text.view.ViewState;
import io.github.memrayjvm.renderer.text.view.Viewport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;
import org.jline.utils.NonBlockingReader;

/**
 * The live view's loop on a JLine terminal: applies the session's snapshots, reads keys, and
 * redraws what changed (JLine {@link Display}) after every snapshot, key and resize, and at least
 * once a second.
 *
 * <p>Threading: {@link #run()} runs on the caller's thread, which is the only one that calls
 * {@link LiveSession#awaitUpdate} and reads the session state. Signal handlers only set flags.
 *
 * <p>Lifecycle: {@code run()} once; it switches the terminal to full-screen mode and always puts
 * it back (also on Ctrl-C, errors and JVM shutdown). It does not close the terminal or the
 * session: whoever opened them does.
 */
public final class LiveView {

    /** The exit status after Ctrl-C (128 + SIGINT), as shells report it. */
    public static final int INTERRUPTED_STATUS = 130;

    private static final long KEY_POLL_MILLIS = 50;
    private static final Size FALLBACK_SIZE = new Size(80, 24);

    private final Terminal terminal;
    private final LiveSession session;
    private final Clock clock;
    private final Glyphs glyphs;
    private final BiConsumer<ViewState, Screen> frames;
    private final AtomicBoolean resized = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();

    /**
     * @param terminal the terminal to draw on and read keys from
     * @param session  the session to present
     * @param clock    the time of day shown in the title bar
     * @param glyphs   the characters to draw with
     */
    public LiveView(Terminal terminal, LiveSession session, Clock clock, Glyphs glyphs) {
        this(terminal, session, clock, glyphs, (view, screen) -> { });
    }

    /** As above, and tells {@code frames} the view state and screen of every frame drawn. */
    LiveView(Terminal terminal, LiveSession session, Clock clock, Glyphs glyphs,
             BiConsumer<ViewState, Screen> frames) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.glyphs = Objects.requireNonNull(glyphs, "glyphs");
        this.frames = frames;
    }

    /**
     * Presents the session until the user quits ({@code q}, Esc, Ctrl-C) or the terminal's input
     * ends.
     *
     * @return 0 after {@code q}, Esc or the end of input; {@link #INTERRUPTED_STATUS} after Ctrl-C
     */
    public int run() throws IOException, InterruptedException {
        FullScreen fullScreen = FullScreen.enter(terminal, () -> resized.set(true),
                () -> interrupted.set(true));
        try {
            return loop();
        } finally {
            fullScreen.close();
        }
    }

    private int loop() throws InterruptedException {
        Display display = new Display(PlainUnicode.wrap(terminal), true);
        BindingReader reader = new BindingReader(terminal.reader());
        KeyMap<Command> keys = KeyBindings.create(terminal);
        SessionState state = session.state();
        ViewState view = ViewState.initial(state.info());
        Viewport viewport = Viewport.NONE;
        Size size = size();
        display.resize(size.getRows(), size.getColumns());
        boolean dirty = true;
        boolean sawEnd = false;
        long drawnSecond = Long.MIN_VALUE;
        while (true) {
            if (interrupted.get()) {
                return INTERRUPTED_STATUS;
            }
            if (resized.getAndSet(false)) {
                size = size();
                display.clear();
                display.resize(size.getRows(), size.getColumns());
                dirty = true;
            }
            SessionEvent event = session.awaitUpdate(Duration.ZERO);
            if (event == SessionEvent.SNAPSHOT || (event == SessionEvent.ENDED && !sawEnd)) {
                sawEnd |= event == SessionEvent.ENDED;
                dirty = true;
            }
            long second = clock.millis() / 1000;
            if (dirty || second != drawnSecond) {
                Screen screen = ScreenLayout.render(state, view, size.getColumns(), size.getRows(),
                        ZonedDateTime.now(clock), glyphs);
                viewport = screen.viewport();
                view = view.withFirstRow(viewport.firstRow());
                display.update(new ArrayList<>(screen.lines()), 0); // update() edits the list
                terminal.flush();
                frames.accept(view, screen);
                drawnSecond = second;
                dirty = false;
            }
            int next = reader.peekCharacter(KEY_POLL_MILLIS);
            if (next == NonBlockingReader.EOF) {
                return 0;
            }
            if (next == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            Command command = reader.readBinding(keys, null, false);
            if (command == null) {
                continue;
            }
            if (command == Command.QUIT) {
                return 0;
            }
            if (command == Command.REDRAW) {
                display.clear();
            }
            view = ViewCommands.apply(view, command, state, viewport);
            dirty = true;
        }
    }

    private Size size() {
        Size size = terminal.getSize();
        if (size == null || size.getColumns() <= 0 || size.getRows() <= 0) {
            return FALLBACK_SIZE;
        }
        return size;
    }
}
