package io.github.memrayjvm.renderer.text;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * A view of a terminal that claims no alternate character set, so that JLine writes box-drawing
 * characters as Unicode instead of switching to the VT100 line-drawing set for some of them
 * (which mixes two fonts in one box and breaks copying the screen as text).
 */
final class PlainUnicode {

    private PlainUnicode() {
    }

    /** {@code terminal}, except that it has no {@code smacs} / {@code rmacs} capabilities. */
    static Terminal wrap(Terminal terminal) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (isAlternateCharsetQuery(method, args)) {
                return null;
            }
            try {
                return method.invoke(terminal, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Terminal) Proxy.newProxyInstance(Terminal.class.getClassLoader(),
                new Class<?>[] {Terminal.class}, handler);
    }

    private static boolean isAlternateCharsetQuery(Method method, Object[] args) {
        return method.getName().equals("getStringCapability") && args != null && args.length == 1
                && (args[0] == Capability.enter_alt_charset_mode
                || args[0] == Capability.exit_alt_charset_mode);
    }
}
