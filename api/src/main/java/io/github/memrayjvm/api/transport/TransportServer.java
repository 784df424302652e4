package io.github.memrayjvm.api.transport;

import java.net.InetSocketAddress;

/**
 * A listening server in the tracked JVM. Thread-safe.
 */
public interface TransportServer extends AutoCloseable {

    /** The bound address; the port is the real one when 0 was asked for. Never {@code null}. */
    InetSocketAddress localAddress();

    /**
     * Stops listening and closes every connection without waiting for pending writes; returns
     * promptly (it runs at the program's exit). Idempotent; never throws.
     */
    @Override
    void close();
}
