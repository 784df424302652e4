package io.github.memrayjvm.api.transport;

import io.github.memrayjvm.api.NamedProvider;
import java.io.IOException;

/**
 * Service-provider interface of a transport: how snapshots travel from the tracked JVM (the
 * server) to a viewer (the client). Messages are the protocol's
 * {@link io.github.memrayjvm.api.wire.Message}s; a transport frames them with
 * {@link io.github.memrayjvm.api.wire.WireCodec} or its own encoding, but must enforce the same
 * bounds (no unbounded buffering, a maximum frame size, bad bytes close the connection).
 *
 * <p>Register an implementation in
 * {@code META-INF/services/io.github.memrayjvm.api.transport.TransportProvider}; selected by
 * {@link #name()} ({@code tcp} is the default). Methods may be called from any thread.
 */
public interface TransportProvider extends NamedProvider {

    /**
     * Starts listening in the tracked JVM. Returns once the address is bound. Every connection
     * that sends a valid {@link io.github.memrayjvm.api.wire.Greeting} within
     * {@link ServerConfig#greetingTimeout()} is offered to {@code handler}; anything else is
     * dropped and reported to {@link ViewerHandler#onRejected}.
     *
     * @throws java.net.BindException if the address is taken or cannot be bound
     * @throws IOException            for other failures
     */
    TransportServer listen(ServerConfig config, ViewerHandler handler) throws IOException;

    /**
     * Connects a viewer: opens the connection, sends {@link ClientConfig#greeting()} and waits for
     * the answer. Returns once a {@link io.github.memrayjvm.api.wire.Hello} arrived.
     *
     * @throws java.net.ConnectException nothing listens at the address (the caller may retry)
     * @throws RefusedException          the tracked side refused this viewer
     * @throws io.github.memrayjvm.api.wire.ProtocolVersionException the peer speaks another
     *                                   protocol version
     * @throws io.github.memrayjvm.api.wire.WireFormatException the peer is not a memray server, or
     *                                   did not answer within the handshake timeout
     * @throws IOException               for other failures
     */
    ViewerLink connect(ClientConfig config) throws IOException;
}
