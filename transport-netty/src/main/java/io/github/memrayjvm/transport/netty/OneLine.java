package io.github.memrayjvm.transport.netty;

import io.netty.handler.codec.DecoderException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;

/** Addresses, durations and failures as one line of text, for messages and reports. Stateless. */
final class OneLine {

    private OneLine() {
    }

    /** {@code 127.0.0.1:4242}, {@code [::1]:4242}; never {@code null}. */
    static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            boolean resolved = inet.getAddress() != null;
            return hostPort(resolved ? inet.getAddress().getHostAddress() : inet.getHostString(),
                    resolved && inet.getAddress() instanceof Inet6Address, inet.getPort());
        }
        return String.valueOf(address);
    }

    /** {@code host:port} with the host as the user wrote it. */
    static String address(String host, int port) {
        return hostPort(host, host.indexOf(':') >= 0, port);
    }

    private static String hostPort(String host, boolean ipv6, int port) {
        return (ipv6 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code 250 ms}, {@code 5 s}, {@code 1.5 s}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /** The failure's own message (Netty's wrapper removed) on one line, or its type's name. */
    static String problem(Throwable failure) {
        Throwable cause = unwrap(failure);
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
