package io.github.memrayjvm.renderer.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.memrayjvm.renderer.text.layout.Glyphs;
import io.github.memrayjvm.renderer.text.layout.Screen;
import io.github.memrayjvm.renderer.text.view.ViewState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;

/**
 * A {@link LiveView} on a JLine terminal made of pipes: the test types keys into it and reads
 * back both the frames the view drew (view state and layout) and the screen a terminal would
 * show after interpreting the bytes written (a VT100 emulator, {@link ScreenTerminal}).
 */
final class TerminalHarness implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final LineDisciplineTerminal terminal;
    private final AtomicReference<Frame> lastFrame = new AtomicReference<>();
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private volatile int frameCount;

    /** One frame the view drew. */
    record Frame(ViewState view, Screen screen) {
        String text() {
            return screen.plainText();
        }
    }

    TerminalHarness(int columns, int rows) throws IOException {
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (written) {
                    written.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (written) {
                    written.write(b, off, len);
                }
            }
        };
        terminal = new LineDisciplineTerminal("test", "xterm-256color", sink, StandardCharsets.UTF_8);
        terminal.setSize(new Size(columns, rows));
    }

    LineDisciplineTerminal terminal() {
        return terminal;
    }

    /** Runs the view on {@code session} on a new thread. */
    void start(ScriptedSession session) {
        Clock noon = Clock.fixed(Instant.parse("2025-01-14T12:00:00Z"), ZoneOffset.UTC);
        LiveView view = new LiveView(terminal, session, noon, Glyphs.UNICODE, (state, screen) -> {
            lastFrame.set(new Frame(state, screen));
            frameCount++;
        });
        Thread thread = new Thread(() -> {
            try {
                result.complete(view.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "live-view-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** Types {@code keys} as the user would. */
    void type(String keys) throws IOException {
        terminal.processInputBytes(keys.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for a frame that satisfies {@code condition}, and returns it. */
    Frame awaitFrame(String description, Predicate<Frame> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = lastFrame.get();
            if (frame != null && condition.test(frame)) {
                return frame;
            }
            if (result.isDone()) {
                throw new AssertionError("the view ended before a frame where " + description,
                        failure());
            }
            Thread.sleep(10);
        }
        Frame frame = lastFrame.get();
        throw new AssertionError("no frame where " + description + "; last frame:\n"
                + (frame == null ? "(none)" : frame.text()));
    }

    /** Waits for a frame whose text contains {@code text}. */
    Frame awaitText(String text) throws InterruptedException {
        return awaitFrame("the screen shows '" + text + "'", frame -> frame.text().contains(text));
    }

    private Throwable failure() {
        try {
            result.getNow(null);
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    int frameCount() {
        return frameCount;
    }

    /** The exit status of the view, once it has returned. */
    int awaitExit() throws Exception {
        return result.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    CompletableFuture<Integer> result() {
        return result;
    }

    /** Everything written to the terminal so far. */
    String output() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    /** What a terminal of this size shows after interpreting everything written so far. */
    String screen() {
        Size size = terminal.getSize();
        ScreenTerminal screen = new ScreenTerminal(size.getColumns(), size.getRows());
        screen.write(output());
        return screen.toString();
    }

    void assertScreenShows(String text) {
        assertThat(screen()).contains(text);
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }
}
