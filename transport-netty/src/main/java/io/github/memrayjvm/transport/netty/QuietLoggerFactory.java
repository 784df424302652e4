package io.github.memrayjvm.transport.netty;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.lang.reflect.Proxy;

/**
 * Netty's log, switched off: every level is disabled and every message dropped. See
 * {@link NettyDefaults} for why. Thread-safe.
 */
final class QuietLoggerFactory extends InternalLoggerFactory {

    static final QuietLoggerFactory INSTANCE = new QuietLoggerFactory();

    private QuietLoggerFactory() {
    }

    @Override
    protected InternalLogger newInstance(String name) {
        return (InternalLogger) Proxy.newProxyInstance(InternalLogger.class.getClassLoader(),
                new Class<?>[] {InternalLogger.class}, (proxy, method, args) -> {
                    Class<?> type = method.getReturnType();
                    if (type == boolean.class) {
                        // isXxxEnabled: never; equals: identity
                        return "equals".equals(method.getName()) && args != null
                                && args.length == 1 && proxy == args[0];
                    }
                    if (type == String.class) {
                        return name; // name() and toString()
                    }
                    if (type == int.class) {
                        return System.identityHashCode(proxy);
                    }
                    return null;
                });
    }
}
