package io.github.memrayjvm.renderer.text;

import io.github.memrayjvm.renderer.text.view.Command;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/** The keys of the live view. */
final class KeyBindings {

    /** How long to wait after Esc for the rest of an escape sequence (an arrow key, ...). */
    static final long ESCAPE_TIMEOUT_MILLIS = 150;

    private KeyBindings() {
    }

    /** The key map for {@code terminal} (its own key sequences plus the common ANSI ones). */
    static KeyMap<Command> create(Terminal terminal) {
        KeyMap<Command> keys = new KeyMap<>();
        keys.setAmbiguousTimeout(ESCAPE_TIMEOUT_MILLIS);
        keys.bind(Command.QUIT, "q", "Q", KeyMap.esc(), KeyMap.ctrl('C'));
        keys.bind(Command.SORT_TOTAL, "t", "T");
        keys.bind(Command.SORT_OWN, "o", "O");
        keys.bind(Command.SORT_ALLOCATIONS, "a", "A");
        keys.bind(Command.TOGGLE_MERGE, "m", "M");
        keys.bind(Command.NEXT_TRACKER, "n", "N", "\t");
        keys.bind(Command.TOGGLE_FIGURES, "l", "L");
        keys.bind(Command.NEXT_GAUGE, "g");
        keys.bind(Command.TOGGLE_PAUSE, " ");
        keys.bind(Command.REDRAW, KeyMap.ctrl('L'));
        bind(keys, terminal, Command.PREVIOUS_THREAD, Capability.key_left, "\033[D", "\033OD", "<", ",");
        bind(keys, terminal, Command.NEXT_THREAD, Capability.key_right, "\033[C", "\033OC", ">", ".");
        bind(keys, terminal, Command.UP, Capability.key_up, "\033[A", "\033OA", "k");
        bind(keys, terminal, Command.DOWN, Capability.key_down, "\033[B", "\033OB", "j");
        bind(keys, terminal, Command.PAGE_UP, Capability.key_ppage, "\033[5~");
        bind(keys, terminal, Command.PAGE_DOWN, Capability.key_npage, "\033[6~");
        bind(keys, terminal, Command.HOME, Capability.key_home, "\033[H", "\033OH", "\033[1~",
                "\033[7~");
        bind(keys, terminal, Command.END, Capability.key_end, "\033[F", "\033OF", "\033[4~",
                "\033[8~", "G");
        return keys;
    }

    private static void bind(KeyMap<Command> keys, Terminal terminal, Command command,
                             Capability capability, String... sequences) {
        String own = KeyMap.key(terminal, capability);
        if (own != null && !own.isEmpty()) {
            keys.bind(command, own);
        }
        keys.bind(command, sequences);
    }
}
