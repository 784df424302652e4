package io.github.memrayjvm.transport.netty;

import io.netty.handler.codec.DecoderException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/** One-line texts for addresses, durations and failures, as messages and logs show them. */
final class Endpoints {

    private Endpoints() {
    }

    /** {@code 127.0.0.1:4242}, {@code [::1]:4242}; never {@code null}. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return hostPort(inet.getAddress() == null ? inet.getHostString()
                    : inet.getAddress().getHostAddress(),
                    inet.getAddress() instanceof Inet6Address, inet.getPort());
        }
        return String.valueOf(address);
    }

    /** {@code host:port} as the user wrote the host. */
    static String describe(String host, int port) {
        return hostPort(host, host.indexOf(':') >= 0, port);
    }

    private static String hostPort(String host, boolean ipv6, int port) {
        return (ipv6 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code 250 ms}, {@code 5 s}, {@code 1.5 s}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /**
     * The failure itself in one line: Netty's wrapper removed, the message, or the type's name
     * when there is none.
     */
    static String problem(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof DecoderException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : message.strip().replaceAll("\\s+", " ");
    }

    /** The failure with Netty's decoder wrapper removed. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof DecoderException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
