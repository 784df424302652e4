package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.api.MemrayException;
import java.io.IOException;
import java.lang.reflect.Method;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Opens the process's own terminal for the full-screen view, or explains why it cannot: standard
 * input and output must both be a terminal, and not a dumb one.
 */
final class TerminalCheck {

    static final String USE_JSON = "Use '--renderer json' to get one JSON object per snapshot"
            + " instead.";

    private TerminalCheck() {
    }

    /**
     * The system terminal.
     *
     * @throws MemrayException when there is none fit for a full-screen view
     */
    static Terminal openSystemTerminal() {
        Terminal terminal;
        try {
            TerminalBuilder builder = TerminalBuilder.builder()
                    .name("memray")
                    .system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysOut)
                    .dumb(false);
            avoidNativeAccessWarning(builder);
            terminal = builder.build();
        } catch (IOException | IllegalStateException e) {
            throw new MemrayException("The text view needs a terminal, but standard input or"
                    + " output is not one (redirected to a file or a pipe?). " + USE_JSON, e);
        }
        String type = terminal.getType();
        if (Terminal.TYPE_DUMB.equals(type) || Terminal.TYPE_DUMB_COLOR.equals(type)) {
            closeQuietly(terminal);
            throw new MemrayException("The text view needs a terminal that can move the cursor,"
                    + " but this one is '" + type + "' (TERM). " + USE_JSON);
        }
        return terminal;
    }

    /**
     * From Java 24 on, loading JLine's native library prints a warning unless native access is
     * enabled ({@code --enable-native-access=ALL-UNNAMED}); without it, use the terminal through
     * {@code stty} instead, which needs no native code.
     */
    private static void avoidNativeAccessWarning(TerminalBuilder builder) {
        if (Runtime.version().feature() < 24 || nativeAccessEnabled()
                || System.getProperty(TerminalBuilder.PROP_PROVIDER) != null
                || System.getProperty(TerminalBuilder.PROP_PROVIDERS) != null) {
            return;
        }
        builder.ffm(false).jni(false).jansi(false).jna(false).exec(true);
        if (System.getProperty(TerminalBuilder.PROP_REDIRECT_PIPE_CREATION_MODE) == null) {
            System.setProperty(TerminalBuilder.PROP_REDIRECT_PIPE_CREATION_MODE,
                    TerminalBuilder.PROP_REDIRECT_PIPE_CREATION_MODE_REFLECTION);
        }
    }

    private static boolean nativeAccessEnabled() {
        try {
            Method method = Module.class.getMethod("isNativeAccessEnabled");
            return (Boolean) method.invoke(TerminalBuilder.class.getModule());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do
        }
    }
}
