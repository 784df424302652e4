package io.github.memrayjvm.transport.netty;

import io.github.memrayjvm.api.ApiVersion;
import io.github.memrayjvm.api.transport.ClientConfig;
import io.github.memrayjvm.api.transport.ServerConfig;
import io.github.memrayjvm.api.transport.TransportProvider;
import io.github.memrayjvm.api.transport.TransportServer;
import io.github.memrayjvm.api.transport.ViewerHandler;
import io.github.memrayjvm.api.transport.ViewerLink;
import java.io.IOException;
import java.util.Objects;

/**
 * The default transport, {@code tcp}: the protocol's frames ({@link
 * io.github.memrayjvm.api.wire.WireCodec}) over one TCP connection per viewer, with Netty's NIO
 * transport.
 *
 * <p>Server (the tracked JVM): one event loop thread, made by the configured thread factory, for
 * the listening socket and all connections; nothing of Netty's own runs in the program (no
 * global executor, no pooled direct memory, no log output, no {@code sun.misc.Unsafe}). A
 * connection is kept to at most one greeting's worth of bytes until it greets, and to
 * {@code 1 MiB} of unsent messages (then {@link io.github.memrayjvm.api.transport.ViewerChannel#isWritable()}
 * turns {@code false}, and {@code true} again below {@code 256 KiB}).
 *
 * <p>Client (the viewer): one daemon event loop thread per link, stopped by
 * {@link ViewerLink#close()}; a link stops reading from the socket while its queue is full.
 *
 * <p>Construction is free of side effects; Netty is set up on the first {@link #listen} or
 * {@link #connect}. Thread-safe.
 */
public final class TcpTransportProvider implements TransportProvider {

    /** The name this transport is selected by. */
    public static final String NAME = "tcp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String description() {
        return "length-prefixed frames over TCP (Netty NIO); the default";
    }

    @Override
    public TransportServer listen(ServerConfig config, ViewerHandler handler) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        NettyDefaults.apply();
        return TcpServer.start(config, handler);
    }

    @Override
    public ViewerLink connect(ClientConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        NettyDefaults.apply();
        return TcpClient.connect(config);
    }
}
